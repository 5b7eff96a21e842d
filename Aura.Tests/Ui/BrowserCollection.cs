namespace Aura.Tests.Ui;

/// <summary>
/// The browser tests run one at a time: a headless Chromium, its renderer and a Kestrel server
/// each want a core, and CI machines have few. They still run beside the other test classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
