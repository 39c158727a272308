//! The `lettrine` command: parse the arguments, run the command, render any
//! error, and choose the exit code (0 success, 1 invalid input, 2 usage or
//! internal error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
