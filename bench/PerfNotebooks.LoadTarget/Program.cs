using System.Security.Cryptography;

// The loopback server docs/benchmarks.md loads with wrk and with perfnb in the same run.
//   /        trivial 2-byte reply (the generator's own cost dominates)
//   /cpu     50 SHA-256 hashes of 4 KiB per request (a CPU-bound handler)
//   /stall   like /, but the whole endpoint freezes for 1 s out of every 5 s (a stop-the-world pause)
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5080;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
var app = builder.Build();
var started = DateTime.UtcNow;
var payload = new byte[4096];

app.MapGet("/", () => "ok");
app.MapGet("/cpu", () =>
{
    var hash = Array.Empty<byte>();
    for (var i = 0; i < 50; i++)
    {
        payload[0] = (byte)i;
        hash = SHA256.HashData(payload);
    }

    return Convert.ToHexString(hash, 0, 4);
});
app.MapGet("/stall", async () =>
{
    // Seconds 4..5 of every 5 s window: hold every reply until the window ends.
    var phase = (DateTime.UtcNow - started).TotalSeconds % 5;
    if (phase >= 4)
    {
        await Task.Delay(TimeSpan.FromSeconds(5 - phase));
    }

    return "ok";
});
app.Run();
