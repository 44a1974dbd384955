using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ByteNite.Sdk.Benchmarks.ValidationBenchmarks).Assembly).Run(args);
