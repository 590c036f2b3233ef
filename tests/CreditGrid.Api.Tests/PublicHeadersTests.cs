using System.Net;
using System.Text.RegularExpressions;

namespace CreditGrid.Api.Tests;

/// <summary>Issue 15: the security and cache headers of the public pages (/credit/**, /m/**), as a browser receives them.</summary>
public partial class PublicHeadersTests(GridHost grid) : IClassFixture<GridHost>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_merchant_page_carries_a_strict_CSP_is_not_stored_and_has_no_inline_script_or_style()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "安全头测试店", street = "水晶街" });
        var page = await grid.Client().GetAsync($"/m/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);
        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Headers.CacheControl}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("安全头测试店", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotMatch(OnHandler(), html);
    }

    [Fact]
    public async Task Not_found_and_refused_public_pages_carry_the_headers_too_and_the_console_keeps_its_own()
    {
        var missing = await grid.Client().GetAsync($"/m/{GridHost.NewEnterpriseId()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing);
        Assert.DoesNotContain(" style=", await missing.Content.ReadAsStringAsync());

        var refused = await grid.Client().PostAsync($"/m/{GridHost.NewEnterpriseId()}/complaints", new StringContent("x"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        AssertSecurityHeaders(refused);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("提交失败", text);
        Assert.DoesNotContain(" style=", text);

        var console = await grid.Client().GetAsync("/");
        Assert.False(console.Headers.Contains("Content-Security-Policy"));
        Assert.True(console.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Portal_assets_are_immutable_only_at_the_version_the_page_links_and_revalidate_otherwise()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "缓存测试店", street = "水晶街" });
        var html = await grid.Client().GetStringAsync($"/m/{id}");
        var href = StyleLink().Match(html).Groups[1].Value;
        Assert.StartsWith("/credit/merchant.css?v=", href);

        var versioned = await grid.Client().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("text/css", versioned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", versioned.Headers.CacheControl!.ToString());
        AssertSecurityHeaders(versioned);

        foreach (var path in new[] { "/credit/merchant.css", "/credit/merchant.css?v=000000000000", "/credit/portal.css" })
        {
            var plain = await grid.Client().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.True(plain.Headers.CacheControl?.NoCache, $"{path}: Cache-Control {plain.Headers.CacheControl}");
            Assert.Null(plain.Headers.CacheControl?.MaxAge);
            Assert.Equal("nosniff", Assert.Single(plain.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex OnHandler();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/credit/merchant\\.css[^\"]*)\"")]
    private static partial Regex StyleLink();
}
