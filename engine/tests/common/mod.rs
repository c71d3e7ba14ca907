//! Running the `estimate` tool from the tests.

// Each test file uses the helpers it needs.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// Starts the tool with `args`, its stdin, stdout and stderr piped.
pub fn spawn_tool(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_estimate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the estimate tool starts")
}

/// Runs the tool with `args` and `stdin` and returns its status, stdout and stderr.
pub fn run_tool_with(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn_tool(args);
    child.stdin.take().expect("stdin is piped").write_all(stdin).expect("stdin accepts the input");
    child.wait_with_output().expect("the estimate tool finishes")
}

/// Runs the tool with `stdin` and returns its status, stdout and stderr.
pub fn run_tool(stdin: &[u8]) -> Output {
    run_tool_with(&[], stdin)
}
