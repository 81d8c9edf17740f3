namespace PerfNotebooks.SampleServers.Common;

/// <summary>
/// A server started by a launcher (SampleServer.Start: a notebook kernel, a test host, perfnb serve) stops when the
/// launcher dies, however it dies: the launcher holds our stdin pipe, and the kernel closes it when the launcher's
/// process ends, even on SIGKILL. Only when the launcher asks (<see cref="Variable"/>), so a server run by hand in a
/// terminal does not read the user's keyboard.
/// </summary>
internal static class ParentWatch
{
    public const string Variable = "PERFNB_STOP_WITH_STDIN";

    public static void Start(IHostApplicationLifetime lifetime)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        var thread = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer) > 0)
                {
                    // Nothing is ever written; reading only waits for end-of-file.
                }
            }
            catch (IOException)
            {
                // A broken pipe is the same news.
            }

            lifetime.StopApplication();
            // A stop stuck behind a scenario's bug (a starved pool, a held lock) must not leave an orphan running.
            Thread.Sleep(TimeSpan.FromSeconds(3));
            Environment.Exit(0);
        })
        { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }
}
