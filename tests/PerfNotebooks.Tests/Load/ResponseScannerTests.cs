using System.Text;
using PerfNotebooks.Load.Epoll;

namespace PerfNotebooks.Tests.Load;

/// <summary>The epoll engine's reply scanner finds where a reply ends, whichever way its bytes are split into reads.</summary>
public class ResponseScannerTests
{
    public static TheoryData<string, string, int, bool> Replies => new()
    {
        { "by length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, true },
        { "empty body", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200, true },
        { "chunked with trailers", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\n", 200, true },
        { "connection close", "HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno", 503, false },
        { "100 continue first", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx", 201, true },
        { "no content", "HTTP/1.1 204 No Content\r\n\r\n", 204, true },
        { "HTTP/1.0 without keep-alive", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, false },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void A_reply_ends_exactly_after_its_body_whatever_the_read_sizes(string name, string reply, int status, bool keepAlive)
    {
        var bytes = Encoding.ASCII.GetBytes(reply + "HTTP/1.1 200 NEXT"); // the next reply's first bytes must be left alone
        foreach (var readSize in new[] { 1, 2, 3, 7, bytes.Length })
        {
            var scanner = new ResponseScanner(isHead: false);
            var (start, end, done) = (0, 0, false);
            while (!done && end < bytes.Length)
            {
                end = Math.Min(bytes.Length, end + readSize);
                done = scanner.Scan(bytes, ref start, end);
            }

            Assert.True(done, $"{name}: not complete with reads of {readSize}");
            Assert.Equal(reply.Length, start);
            Assert.Equal((status, keepAlive), (scanner.Status, scanner.KeepAlive));
        }
    }

    [Fact]
    public void A_reply_to_head_has_no_body_whatever_its_length_says()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
        var start = 0;

        Assert.True(new ResponseScanner(isHead: true).Scan(bytes, ref start, bytes.Length));
        Assert.Equal(bytes.Length, start);
    }

    [Fact]
    public void A_body_without_length_runs_until_the_server_closes()
    {
        var scanner = new ResponseScanner(isHead: false);
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\nall of this, and more later");
        var start = 0;

        Assert.False(scanner.Scan(bytes, ref start, bytes.Length));
        Assert.True(scanner.EndOfStream());
        Assert.False(scanner.KeepAlive);
    }

    [Fact]
    public void A_reply_cut_short_by_the_close_is_not_complete()
    {
        var scanner = new ResponseScanner(isHead: false);
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
        var start = 0;

        Assert.False(scanner.Scan(bytes, ref start, bytes.Length));
        Assert.False(scanner.EndOfStream());
    }

    [Theory]
    [InlineData("SMTP ready\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n")]
    public void Bytes_that_are_not_an_http_reply_are_refused(string reply)
    {
        var bytes = Encoding.ASCII.GetBytes(reply);
        var start = 0;

        Assert.Throws<InvalidDataException>(() => new ResponseScanner(isHead: false).Scan(bytes, ref start, bytes.Length));
    }
}
