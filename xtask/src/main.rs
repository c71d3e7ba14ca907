//! The project's one entry point for building, serving and testing the site.
//!
//! `cargo xtask serve` builds the production site and serves it at http://127.0.0.1:8080;
//! `cargo xtask test` runs every test: the workspace's Rust tests, the production build, and the
//! browser tests in headless Chromium against the built site. Both install what is missing and
//! say what they install; a second run reuses what the first installed. `cargo xtask bench`
//! measures the built site against its speed budgets.

mod assemble;
mod bench;
mod serve;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   build the production site into dist/ and serve it (default port 8080)
  test               run every test: cargo test, the production build, the browser tests
  build              build the production site into dist/ only
  bench              build, serve and measure the site against its speed budgets: bytes of
                     each route's first load, the wasm's biggest parts, Lighthouse, the
                     engine's time per estimate natively and in the browser";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build().map(|_| ()),
        Some("serve") => port_arg(&args[1..]).and_then(|port| {
            build()?;
            serve::serve_forever(&root().join("dist"), port)
        }),
        Some("test") => test(),
        Some("bench") => bench::bench(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port_arg(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value.parse().map_err(|_| format!("--port takes a number, not {value:?}")),
        _ => Err(USAGE.to_string()),
    }
}

/// The workspace's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// Prints a step so that whoever runs the command sees what it is doing.
pub fn say(message: &str) {
    println!("==> {message}");
}

/// Runs a command to completion; an error names the command.
pub fn run(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("could not start {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// Builds the production site into `dist/` and returns its folder.
fn build() -> Result<PathBuf, String> {
    let root = root();
    let wasm = tools::build_wasm(&root)?;
    let bindgen = tools::ensure_wasm_bindgen(&root)?;
    let pkg = root.join("pkg");
    // A classic script (not an ES module): the start-up script loads it, so that browsers
    // without modules or `import.meta` still get as far as saying what is wrong.
    say("wasm-bindgen: generating the JavaScript glue into pkg/");
    run(Command::new(bindgen).args(["--target", "no-modules", "--no-typescript", "--out-dir"]).arg(&pkg).arg(&wasm))?;
    tools::ensure_npm_packages(&root)?;
    say("wasm-opt -Oz: optimising the wasm for size");
    let optimised = pkg.join("app_bg.opt.wasm");
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args(tools::WASM_FEATURES)
        .arg(pkg.join("app_bg.wasm"))
        .arg("-o")
        .arg(&optimised))?;
    // wasm-bindgen's glue uses syntax of ES2020 (`?.`); esbuild lowers it to ES2017, which the
    // oldest engines the site supports parse (README: Browsers and phones), and minifies it.
    say("esbuild: the glue lowered to ES2017 syntax and minified");
    let glue = pkg.join("app.es2017.js");
    run(Command::new(root.join("node_modules/.bin/esbuild"))
        .arg(pkg.join("app.js"))
        .args(["--target=es2017", "--minify", "--log-level=warning"])
        .arg(format!("--outfile={}", glue.display())))?;
    say("pre-rendering every page to HTML (native build of the app)");
    let prerendered = root.join("target/prerender");
    let _ = std::fs::remove_dir_all(&prerendered);
    run(Command::new(tools::cargo())
        .current_dir(&root)
        .args(["run", "--quiet", "-p", "app", "--features", "ssr", "--bin", "prerender", "--"])
        .arg(&prerendered))?;
    let dist = root.join("dist");
    assemble::assemble(&root, &optimised, &glue, &prerendered, &dist)?;
    say(&format!("the site is in {}", dist.display()));
    Ok(dist)
}

/// Runs every test: Rust, the production build, and the browser tests.
fn test() -> Result<(), String> {
    let root = root();
    tools::ensure_rust_lints()?;
    say("cargo fmt --check: the code is formatted");
    run(Command::new(tools::cargo()).current_dir(&root).args(["fmt", "--all", "--check"]))?;
    say("cargo clippy: no warning in any crate or target");
    run(Command::new(tools::cargo()).current_dir(&root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    say("cargo test --workspace");
    run(Command::new(tools::cargo()).current_dir(&root).args(["test", "--workspace"]))?;
    // A million cases through the `estimate` tool under its memory bound: too slow for a debug
    // build, so it runs here in release (it is ignored in the debug run above).
    say("cargo test --release: the estimate tool streams a million cases in bounded memory");
    run(Command::new(tools::cargo()).current_dir(&root).args([
        "test",
        "--release",
        "-p",
        "engine",
        "--test",
        "cli_stream",
    ]))?;
    let dist = build()?;
    let chromium = tools::ensure_chromium()?;
    tools::ensure_debian_command("wasm-validate", "wabt", "to check that the shipped wasm runs on older engines")?;
    let server = serve::start(&dist, 0)?;
    let base = format!("http://127.0.0.1:{}", server.port);
    say(&format!("browser tests in headless Chromium against {base}"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/browser"))
        .map_err(|e| format!("tests/browser: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("tests/browser holds no *.test.mjs file".into());
    }
    run(Command::new("node")
        .current_dir(&root)
        .arg("--test")
        .arg("--test-concurrency=1")
        .args(&files)
        .env("BASE_URL", &base)
        .env("CHROMIUM_PATH", chromium))
}
