using Aura.Api.Security;
using Microsoft.Extensions.Logging;
using Moq;

namespace Aura.Tests.Security;

/// <summary>The authentication handler, made per request, gets one logger per category for the service's life.</summary>
public sealed class HandlerLoggerFactoryTests
{
    [Fact]
    public void A_category_s_logger_is_made_once_and_given_to_every_caller()
    {
        var inner = new Mock<ILoggerFactory>();
        inner.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(() => Mock.Of<ILogger>());
        using var factory = new HandlerLoggerFactory(inner.Object);

        var first = factory.CreateLogger(typeof(ApiKeyAuthenticationHandler).FullName!);
        var again = factory.CreateLogger(typeof(ApiKeyAuthenticationHandler).FullName!);
        var other = factory.CreateLogger("Other");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        inner.Verify(f => f.CreateLogger(typeof(ApiKeyAuthenticationHandler).FullName!), Times.Once);
    }

    [Fact]
    public void The_handler_is_made_with_it_so_requests_do_not_each_make_a_logger()
    {
        var constructor = Assert.Single(typeof(ApiKeyAuthenticationHandler).GetConstructors());

        Assert.Contains(constructor.GetParameters(), p => p.ParameterType == typeof(HandlerLoggerFactory));
        Assert.DoesNotContain(constructor.GetParameters(), p => p.ParameterType == typeof(ILoggerFactory));
    }
}
