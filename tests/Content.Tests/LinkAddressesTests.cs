using LabRunner.Content.Markdown;

namespace LabRunner.Content.Tests;

public sealed class LinkAddressesTests
{
    [Fact]
    public void A_pages_links_and_autolinks_are_listed_once_each_in_page_order_without_images()
    {
        var addresses = LinkAddresses.Of("Open <https://console.aws.amazon.com/rds/>, read [the guide](https://docs.aws.amazon.com/a.html) "
            + "and ![a picture](assets/p.png); again [the guide](https://docs.aws.amazon.com/a.html).");

        Assert.Equal(
        [
            new PageAddress("https://console.aws.amazon.com/rds/", "https://console.aws.amazon.com/rds/"),
            new PageAddress("the guide", "https://docs.aws.amazon.com/a.html"),
        ], addresses);
    }

    [Fact]
    public void A_web_links_address_is_written_after_its_words_and_other_links_stay_as_written()
    {
        var shown = LinkAddresses.Shown("- More about [Aurora backups](https://docs.aws.amazon.com/b.html).\n- [notes](notes.md) and <https://x.example/>\n");

        Assert.Equal("- More about [Aurora backups](https://docs.aws.amazon.com/b.html) (<https://docs.aws.amazon.com/b.html>).\n- [notes](notes.md) and <https://x.example/>\n", shown);
    }
}
