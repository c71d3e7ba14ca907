//! Running the `estimate` tool from the tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the tool with `stdin` and returns its status, stdout and stderr.
pub fn run_tool(stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_estimate"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the estimate tool starts");
    child.stdin.take().expect("stdin is piped").write_all(stdin).expect("stdin accepts the input");
    child.wait_with_output().expect("the estimate tool finishes")
}
