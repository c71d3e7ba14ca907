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

/// The worked example every test uses, as `tests/cases/01-worked-example-…toml` works it out by
/// hand: what the family pays, what an ordinary resident pays, and the saving, as the tool writes
/// them (e.g. "2846.05").
pub struct Worked {
    pub patient_pays: String,
    pub ordinary_patient_pays: String,
    pub savings: String,
}

/// [`Worked`], read from the case file.
pub fn worked() -> Worked {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases/01-worked-example-dibao-gastric-junshan-people.toml");
    let text = std::fs::read_to_string(path).expect("the worked example's case file");
    let case: toml::Value = toml::from_str(&text).expect("the case file is TOML");
    let out = |key: &str| case["output"][key].as_str().unwrap_or_else(|| panic!("output.{key}")).to_owned();
    let cents = |s: &str| -> i64 { s.replace('.', "").parse().expect("an amount") };
    let (pays, ordinary) = (out("patient_pays"), out("ordinary_patient_pays"));
    let saved = cents(&ordinary) - cents(&pays);
    Worked {
        savings: format!("{}.{:02}", saved / 100, saved % 100),
        patient_pays: pays,
        ordinary_patient_pays: ordinary,
    }
}
