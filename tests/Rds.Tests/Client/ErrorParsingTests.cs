using System.Globalization;
using LabRunner.TestSupport.Http;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Every error shape: RDS's ErrorResponse (from moto and the model), other AWS fault shapes, and bodies that are not RDS's at all.</summary>
public sealed class ErrorParsingTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:4566/");

    private static RdsException Fails(string action, int statusCode, string body) =>
        Assert.Throws<RdsException>(() => ReadAnswers.ResultOf(action, statusCode, body, Endpoint));

    private static RdsException Fails(string action, string file)
    {
        var captured = CapturedResponse.Load(file);
        return Fails(action, captured.StatusCode, captured.Body);
    }

    [Theory]
    [InlineData("CreateDBClusterSnapshot", "moto/CreateDBClusterSnapshot-duplicate.400.xml", RdsErrorKind.AlreadyExists, "DBClusterSnapshotAlreadyExistsFault", 400)]
    [InlineData("CreateDBClusterSnapshot", "moto/CreateDBClusterSnapshot-unknown-cluster.404.xml", RdsErrorKind.NotFound, "DBClusterNotFoundFault", 404)]
    [InlineData("DescribeDBClusterSnapshots", "moto/DescribeDBClusterSnapshots-unknown.404.xml", RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault", 404)]
    [InlineData("DescribeDBInstances", "moto/DescribeDBInstances-unknown.404.xml", RdsErrorKind.NotFound, "DBInstanceNotFound", 404)]
    [InlineData("ModifyDBCluster", "rds/InvalidParameterValue-backup-window.400.xml", RdsErrorKind.InvalidParameter, "InvalidParameterValue", 400)]
    [InlineData("ModifyDBCluster", "rds/InternalFailure.500.xml", RdsErrorKind.Service, "InternalFailure", 500)]
    [InlineData("DescribeDBClusters", "rds/SignatureDoesNotMatch.403.xml", RdsErrorKind.Credentials, "SignatureDoesNotMatch", 403)]
    [InlineData("DescribeDBClusters", "rds/AuthFailure-ec2-style.401.xml", RdsErrorKind.Credentials, "AuthFailure", 401)]
    public void An_AWS_error_document_becomes_a_typed_error_with_code_message_and_request_id(
        string action, string file, RdsErrorKind kind, string code, int status)
    {
        var error = Fails(action, file);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.RequestId));
        Assert.DoesNotContain("<", error.Message);
        Assert.NotEqual(code, error.Message);
    }

    [Fact]
    public void The_message_and_request_id_are_RDS_own()
    {
        var error = Fails("CreateDBClusterSnapshot", "moto/CreateDBClusterSnapshot-duplicate.400.xml");

        Assert.Equal("Cannot create the snapshot because a snapshot with the identifier aurora-alice-snap1 already exists.", error.Message);
        Assert.Equal("i7hIONiYaH9yaf7NwTWFCJKWE5K9w5hSjOn0YWlKDylIgITsiTxo", error.RequestId);
    }

    [Theory]
    [InlineData("DBClusterNotFoundFault", 404, RdsErrorKind.NotFound)]
    [InlineData("DBInstanceNotFound", 404, RdsErrorKind.NotFound)]
    [InlineData("DBClusterSnapshotNotFoundFault", 404, RdsErrorKind.NotFound)]
    [InlineData("DBClusterParameterGroupNotFound", 404, RdsErrorKind.NotFound)]
    [InlineData("DBClusterSnapshotAlreadyExistsFault", 400, RdsErrorKind.AlreadyExists)]
    [InlineData("DBClusterAlreadyExistsFault", 400, RdsErrorKind.AlreadyExists)]
    [InlineData("InvalidDBClusterStateFault", 400, RdsErrorKind.InvalidState)]
    [InlineData("InvalidDBClusterSnapshotStateFault", 400, RdsErrorKind.InvalidState)]
    [InlineData("InvalidDBInstanceState", 400, RdsErrorKind.InvalidState)]
    [InlineData("InvalidParameterValue", 400, RdsErrorKind.InvalidParameter)]
    [InlineData("InvalidParameterCombination", 400, RdsErrorKind.InvalidParameter)]
    [InlineData("MissingParameter", 400, RdsErrorKind.InvalidParameter)]
    [InlineData("SnapshotQuotaExceeded", 400, RdsErrorKind.QuotaExceeded)]
    [InlineData("SharedSnapshotQuotaExceeded", 400, RdsErrorKind.QuotaExceeded)]
    [InlineData("Throttling", 400, RdsErrorKind.Throttled)]
    [InlineData("ThrottlingException", 400, RdsErrorKind.Throttled)]
    [InlineData("RequestLimitExceeded", 503, RdsErrorKind.Throttled)]
    [InlineData("AccessDenied", 403, RdsErrorKind.AccessDenied)]
    [InlineData("AccessDeniedException", 403, RdsErrorKind.AccessDenied)]
    [InlineData("ExpiredToken", 403, RdsErrorKind.Credentials)]
    [InlineData("ExpiredTokenException", 403, RdsErrorKind.Credentials)]
    [InlineData("InvalidClientTokenId", 403, RdsErrorKind.Credentials)]
    [InlineData("SignatureDoesNotMatch", 403, RdsErrorKind.Credentials)]
    [InlineData("UnrecognizedClientException", 400, RdsErrorKind.Credentials)]
    [InlineData("IncompleteSignature", 400, RdsErrorKind.Credentials)]
    [InlineData("InternalFailure", 500, RdsErrorKind.Service)]
    [InlineData("ServiceUnavailable", 503, RdsErrorKind.Service)]
    [InlineData("SomethingNewFault", 502, RdsErrorKind.Service)]
    [InlineData("KMSKeyNotAccessibleFault", 400, RdsErrorKind.Other)]
    public void Each_wire_code_maps_to_its_kind(string code, int status, RdsErrorKind kind)
    {
        var error = Fails("DescribeDBClusters", status, RdsReplies.ErrorXml(code, $"{code} happened"));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal($"{code} happened", error.Message);
    }

    [Fact]
    public void An_HTML_500_page_is_a_service_error_naming_the_status_and_page()
    {
        var error = Fails("ModifyDBCluster", "moto/ModifyDBCluster-unknown-cluster.500.html");

        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal("HtmlResponse", error.ErrorCode);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal($"{Endpoint} answered HTTP 500 with an HTML page (\"500 Internal Server Error\") instead of RDS's XML.", error.Message);
    }

    [Fact]
    public void A_JSON_body_is_a_service_error_quoting_it()
    {
        var error = Fails("DescribeDBInstances", "moto/DescribeDBInstances-bad-marker.400.json");

        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal("NonXmlResponse", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("with a JSON body", error.Message);
        Assert.Contains("\"__type\": \"InvalidToken\"", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void An_empty_200_is_a_service_error_not_an_empty_result(string body)
    {
        var error = Fails("DescribeDBClusters", 200, body);

        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal("EmptyResponse", error.ErrorCode);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("empty body", error.Message);
    }

    [Fact]
    public void Plain_text_is_a_service_error_quoting_its_start()
    {
        var error = Fails("DescribeDBClusters", 502, "Bad Gateway\n\nupstream connect error " + new string('x', 500));

        Assert.Equal("NonXmlResponse", error.ErrorCode);
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("Bad Gateway upstream connect error", error.Message);
        Assert.True(error.Message.Length < 400, "the quoted body is cut short");
    }

    [Fact]
    public void Truncated_XML_is_a_service_error_not_a_crash()
    {
        var whole = CapturedResponse.Load("moto/DescribeDBClusters.200.xml").Body;

        var error = Fails("DescribeDBClusters", 200, whole[..(whole.Length / 2)]);

        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal("MalformedXml", error.ErrorCode);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("does not parse", error.Message);
    }

    [Fact]
    public void Another_service_answer_is_reported_as_not_RDS()
    {
        // moto routes a request without an RDS-scoped signature to S3 and lists buckets.
        var error = Fails("DescribeDBClusters", "moto/unsigned-request-answered-by-s3.200.xml");

        Assert.Equal("UnexpectedResponse", error.ErrorCode);
        Assert.Contains("<ListAllMyBucketsResult> where RDS answers <DescribeDBClustersResponse>", error.Message);
    }

    [Fact]
    public void A_success_envelope_on_an_error_status_is_not_taken_as_success()
    {
        var error = Fails("DescribeDBClusters", 503, RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters/>"));

        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public void A_response_without_its_result_element_is_reported()
    {
        var error = Fails("DescribeDBClusters", 200, $"<DescribeDBClustersResponse xmlns=\"{RdsReplies.Namespace}\"><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DescribeDBClustersResponse>");

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Equal("r-1", error.RequestId);
    }

    [Fact]
    public void An_error_without_a_message_still_reads()
    {
        var error = Fails("DescribeDBClusters", 400, $"<ErrorResponse xmlns=\"{RdsReplies.Namespace}\"><Error><Code>InvalidParameterValue</Code></Error><RequestId>r-2</RequestId></ErrorResponse>");

        Assert.Equal(RdsErrorKind.InvalidParameter, error.Kind);
        Assert.Equal("RDS refused the request with InvalidParameterValue.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<!-- past a comment, where the parser meets the DTD -->")]
    public void Entities_a_hostile_endpoint_declares_are_refused_not_expanded(string comment)
    {
        // "Billion laughs": ten levels of ten references would expand to 10^10 characters.
        var levels = string.Concat(Enumerable.Range(1, 9).Select(level => $"<!ENTITY l{level} \"{string.Concat(Enumerable.Repeat($"&l{level - 1};", 10))}\">"));
        var body = $"<?xml version=\"1.0\"?>{comment}<!DOCTYPE DescribeDBClustersResponse [<!ENTITY l0 \"lol\">{levels}]>"
            + $"<DescribeDBClustersResponse xmlns=\"{RdsReplies.Namespace}\"><DescribeDBClustersResult><Marker>&l9;</Marker></DescribeDBClustersResult></DescribeDBClustersResponse>";

        var error = Fails("DescribeDBClusters", 200, body);

        Assert.Equal("MalformedXml", error.ErrorCode);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void Elements_nested_100_000_deep_are_refused_not_loaded()
    {
        // XDocument's time to load grows with the square of the depth: these 1.3 MB took 40 s of CPU.
        const int depth = 100_000;
        var nested = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));

        var error = Fails("DescribeDBClusters", 400, RdsReplies.ErrorXml("InvalidParameterValue", nested));

        Assert.Equal("MalformedXml", error.ErrorCode);
        Assert.Contains("nest more than 64 deep", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(">")]
    [InlineData("'>")]
    public void A_tag_of_a_million_attributes_is_refused_before_the_parser_reads_it(string value)
    {
        // .NET's XML reader takes time in the square of a tag's attributes: 400,000 took it 1.8 s. A '>' inside an
        // attribute's value does not end the tag.
        var tag = "<DescribeDBClustersResult " + string.Concat(Enumerable.Range(0, 1_000_000).Select(index => $"a{index}=\"{value}\" ")) + "/>";

        var error = Fails("DescribeDBClusters", 200, $"<DescribeDBClustersResponse xmlns=\"{RdsReplies.Namespace}\">{tag}</DescribeDBClustersResponse>");

        Assert.Equal("MalformedXml", error.ErrorCode);
        Assert.Contains("a tag longer than 1,024 characters", error.Message);
    }

    [Fact]
    public void An_XHTML_page_after_an_XML_declaration_is_an_HTML_page_not_a_refused_DTD()
    {
        // lighttpd's error page
        var page = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n         \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n </body>\n</html>\n";

        var error = Fails("DescribeDBClusters", 404, page);

        Assert.Equal("HtmlResponse", error.ErrorCode);
        Assert.Equal($"{Endpoint} answered HTTP 404 with an HTML page (\"404 Not Found\") instead of RDS's XML.", error.Message);
    }

    [Fact]
    public void A_DTD_is_refused_in_words_for_the_learner_not_the_parser_s_advice_to_enable_it()
    {
        var error = Fails("DescribeDBClusters", 200, "<!DOCTYPE DescribeDBClustersResponse>" + RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters/>"));

        Assert.Equal("MalformedXml", error.ErrorCode);
        Assert.Equal($"{Endpoint} answered HTTP 200 with XML that declares a DTD (<!DOCTYPE …>), which RDS never sends and LabRunner does not read.", error.Message);
    }

    [Theory]
    [InlineData("<{0}/>", "UnexpectedResponse")]
    [InlineData("<{0}></b>", "MalformedXml")]
    public void A_long_element_name_is_quoted_cut_short(string shape, string code)
    {
        // Just within the longest tag read (a longer one is refused before it is parsed).
        var error = Fails("DescribeDBClusters", 200, string.Format(CultureInfo.InvariantCulture, shape, new string('a', 1000)));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(new string('a', 100) + "…", error.Message);
        Assert.True(error.Message.Length < 1000, $"the message holds {error.Message.Length:N0} characters");
    }

    [Fact]
    public void A_quoted_body_is_cut_between_characters_never_inside_one()
    {
        var error = Fails("DescribeDBClusters", 502, new string('x', 159) + "😀 upstream error");

        Assert.EndsWith(": " + new string('x', 159) + "…", error.Message);
    }

    [Fact]
    public void A_character_across_the_end_of_the_start_LabRunner_looks_at_is_quoted_whole()
    {
        // The first 4,096 characters tell what a body is; the 4,096th here is the first half of the emoji.
        var error = Fails("DescribeDBClusters", 502, "Bad Gateway" + new string(' ', 4084) + "😀 and more");

        Assert.EndsWith(": Bad Gateway 😀", error.Message);
    }
}
