using Aura.Core.Storage;

namespace Aura.Tests.Storage;

public sealed class InMemoryJobStoreTests : JobStoreContract
{
    protected override IJobStore CreateStore() => new InMemoryJobStore();
}
