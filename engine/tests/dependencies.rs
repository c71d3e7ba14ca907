//! The engine and the policy data ship to the browser: no web crates, no TOML parser, no clock
//! library may enter their normal dependency tree.

use std::process::Command;

const FORBIDDEN: &[&str] = &["leptos", "wasm-bindgen", "web-sys", "js-sys", "gloo", "toml", "chrono", "time"];

fn tree(package: &str) -> String {
    // Read when the test runs (cargo sets both), not baked in when it was built: a test binary
    // can outlive the folder it was built from.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| env!("CARGO").to_owned());
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-p", package, "-e", "normal", "--prefix", "none", "--format", "{p}"])
        .current_dir(dir)
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn no_web_crates_in_the_engine_or_the_policy() {
    for package in ["engine", "policy"] {
        let tree = tree(package);
        assert!(tree.lines().any(|l| l.starts_with("rust_decimal ")), "{package}: unexpected tree:\n{tree}");
        for line in tree.lines() {
            let name = line.split_whitespace().next().unwrap_or("");
            assert!(!FORBIDDEN.contains(&name), "{package} depends on {name}:\n{tree}");
        }
    }
}
