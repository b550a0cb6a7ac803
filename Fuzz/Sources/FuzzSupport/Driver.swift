import CFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer on one target function with the process's arguments (every libFuzzer option and corpus folder
/// works as with libFuzzer's own `main`), then exits with libFuzzer's status.
public enum FuzzDriver {
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }
}
