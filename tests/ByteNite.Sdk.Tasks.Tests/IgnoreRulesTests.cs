using ByteNite.Sdk.Tasks.Bundle;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The .byteniteignore matcher against gitignore's documented semantics.</summary>
public class IgnoreRulesTests
{
    [Theory]
    // Without a slash: any depth; '*' does not cross '/'.
    [InlineData("*.log", "a.log", false, true)]
    [InlineData("*.log", "app/deep/a.log", false, true)]
    [InlineData("*.log", "a.log/b", false, false)]
    [InlineData("build", "a/b/build", false, true)]
    [InlineData("b?ild", "a/build/x", false, false)]
    [InlineData("*", "a/b", false, true)]
    [InlineData("app/*.py", "app/x/y.py", false, false)]
    // A leading or middle slash anchors to the app folder.
    [InlineData("/main.py", "main.py", false, true)]
    [InlineData("/main.py", "app/main.py", false, false)]
    [InlineData("app/main.py", "app/main.py", false, true)]
    [InlineData("app/main.py", "x/app/main.py", false, false)]
    // A trailing slash matches folders only.
    [InlineData("data/", "app/data", true, true)]
    [InlineData("data/", "app/data", false, false)]
    // '**' forms.
    [InlineData("**/fixtures", "fixtures", true, true)]
    [InlineData("**/fixtures", "a/b/fixtures", true, true)]
    [InlineData("app/**", "app/a/b.py", false, true)]
    [InlineData("app/**", "app", true, false)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a/**/b", "a/xb", false, false)]
    [InlineData("**", "anything/at/all", false, true)]
    // '?' and classes, which never match '/'.
    [InlineData("?.py", "a.py", false, true)]
    [InlineData("?.py", "ab.py", false, false)]
    [InlineData("[abc].py", "b.py", false, true)]
    [InlineData("[!abc].py", "b.py", false, false)]
    [InlineData("[a-c].py", "d.py", false, false)]
    [InlineData("a[/]b", "a/b", false, false)]
    // Escapes and trailing spaces.
    [InlineData("\\#x", "#x", false, true)]
    [InlineData("x\\*", "x*", false, true)]
    [InlineData("x\\*", "xy", false, false)]
    [InlineData("notes.txt   ", "notes.txt", false, true)]
    [InlineData("name\\ ", "name ", false, true)]
    public void Pattern_matches_like_git(string pattern, string path, bool isDirectory, bool expected)
    {
        IgnorePattern parsed = IgnorePattern.Parse(pattern, "test")!;
        Assert.Equal(expected, parsed.IsMatch(path, isDirectory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    [InlineData("/")]
    public void Blank_lines_and_comments_are_not_patterns(string line)
    {
        Assert.Null(IgnorePattern.Parse(line, "test"));
    }

    [Fact]
    public void The_last_matching_pattern_decides_and_negation_re_includes()
    {
        var rules = new IgnoreRules();
        rules.AddLines(new[] { "*.log", "!keep.log", "keep.log.d/" }, n => "line " + n);

        Assert.True(rules.IsExcluded("a.log", false));
        Assert.False(rules.IsExcluded("keep.log", false));
        Assert.Equal("line 1", rules.Decide("a.log", false)!.Source);
    }

    [Fact]
    public void A_file_in_an_excluded_folder_cannot_be_re_included()
    {
        var rules = new IgnoreRules();
        rules.AddLines(new[] { "build/", "!build/keep.py" }, n => "line " + n);

        Assert.Equal("build/", rules.FindExclusion("build/keep.py", false)!.Text);
        Assert.Null(rules.FindExclusion("src/keep.py", false));
    }
}
