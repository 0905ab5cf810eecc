using Crossdock.Core.Text;
using Crossdock.Tests.Workflow;
using Crossdock.Workflow;

namespace Crossdock.Tests.Core.Text;

public sealed class TemplateTextTests
{
    [Fact]
    public void Placeholders_are_filled_inline_and_as_blocks_and_github_expressions_are_left_alone()
    {
        var template = "name: {{name}}\nsteps:\n{{steps}}\n  - run: echo ${{ matrix.os }}\n";
        var values = new Dictionary<string, string> { ["name"] = "demo", ["steps"] = "  - run: a\n  - run: b\n" };

        Assert.Equal("name: demo\nsteps:\n  - run: a\n  - run: b\n  - run: echo ${{ matrix.os }}\n", TemplateText.Fill(template, values));
    }

    [Fact]
    public void An_empty_block_removes_its_line()
    {
        Assert.Equal("a\nb\n", TemplateText.Fill("a\n    {{nothing}}\nb\n", new Dictionary<string, string> { ["nothing"] = "" }));
    }

    [Fact]
    public void A_placeholder_without_a_value_is_a_bug_not_silent_output()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TemplateText.Fill("x: {{missing}}\n", new Dictionary<string, string>()));
        Assert.Equal("template placeholder {{missing}} has no value", error.Message);
    }

    [Theory]
    [InlineData("ubuntu-latest", "ubuntu-latest")]
    [InlineData("GOOS=linux go build -ldflags=\"-s -w\" ./cmd/x", "GOOS=linux go build -ldflags=\"-s -w\" ./cmd/x")]
    [InlineData("sh -c 'a && b'", "sh -c 'a && b'")]
    [InlineData("make x: y", "'make x: y'")]
    [InlineData("echo a #b", "'echo a #b'")]
    [InlineData("'quoted' start", "'''quoted'' start'")]
    [InlineData("true", "'true'")]
    [InlineData("1.10", "'1.10'")]
    [InlineData("{target}/bin", "'{target}/bin'")]
    [InlineData("", "''")]
    public void Yaml_scalars_are_plain_only_when_they_read_back_as_the_same_string(string value, string expected)
    {
        Assert.Equal(expected, YamlScalar.Format(value));
        var document = new WorkflowDocument($"key: {YamlScalar.Format(value)}\n");
        Assert.Equal(value, WorkflowDocument.String(document.Root, "key"));
    }
}
