using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner.Running;

namespace ByteNite.Sdk.LocalRunner;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        CommandLine commandLine = CommandLine.Parse(args, Directory.GetCurrentDirectory());
        if (commandLine.Command == "help")
        {
            if (commandLine.Error is not null)
            {
                Console.Error.WriteLine("ByteNite.Sdk.LocalRunner: " + commandLine.Error + " (--help lists the options)");
                return 2;
            }

            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        // Ctrl+C, SIGTERM (docker stop, CI cancellation, MSBuild's graceful stop) and SIGHUP (terminal closed) all
        // cancel the run, which then removes its container before the process exits. The first signal is handled;
        // a second one is left to the default behaviour, so an impatient user can still stop the process at once.
        using var cancellation = new CancellationTokenSource();
        int signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            if (Interlocked.Increment(ref signals) == 1)
            {
                context.Cancel = true;
                Console.Out.WriteLine("RunLocal: " + context.Signal + " received, stopping the app and removing its container...");
                cancellation.Cancel();
            }
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using PosixSignalRegistration? sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

        if (commandLine.StopOnInputClose)
        {
            _ = Task.Run(() => CancelWhenInputCloses(cancellation));
        }

        try
        {
            if (commandLine.Command == "sweep")
            {
                return await LocalRun.SweepAsync(null, Console.Out, cancellation.Token).ConfigureAwait(false);
            }

            RunResult result = await LocalRun.RunAsync(commandLine.Options!, Console.Out, cancellation.Token).ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception e)
        {
            // The one catch-all, so that a bug is a diagnostic a build shows rather than a stack trace it hides.
            string origin = commandLine.Options?.Origin ?? "RunLocal";
            Console.Out.WriteLine(origin + ": error BN0099: ByteNite.Sdk failed while running the app locally: " + e.GetType().Name + ": " + e.Message.TrimEnd().TrimEnd('.')
                + ". This is a bug in the SDK; please report it with this output.");
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    /// <summary>
    /// MSBuild cancels a task on every OS the same way: it asks the task, which then closes the runner's standard input.
    /// Signals would not do on Windows, and killing the process would leave its container behind.
    /// </summary>
    private static void CancelWhenInputCloses(CancellationTokenSource cancellation)
    {
        using Stream input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (input.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        if (!cancellation.IsCancellationRequested)
        {
            Console.Out.WriteLine("RunLocal: the build was cancelled, stopping the app and removing its container...");
            cancellation.Cancel();
        }
    }
}
