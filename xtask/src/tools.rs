//! Finds, and where missing installs, what the build needs: a Rust toolchain that targets
//! wasm32, the wasm-bindgen CLI of the exact version in Cargo.lock, the npm packages (the wasm
//! optimiser and the browser driver), and Chromium.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{run, say};

const TARGET: &str = "wasm32-unknown-unknown";

/// Features the optimiser may use: none beyond the first WebAssembly version (MVP), as the
/// wasm is built (`.cargo/config.toml`), so that older engines run it.
pub const WASM_FEATURES: &[&str] = &["--mvp-features"];

/// The Debian packages that build wasm32 from source where rustup's standard-library source
/// cannot be had. `rust-web-llvm` provides `/usr/bin/rust-lld`, the linker the wasm32 target
/// calls; it is only a Recommends of `rustc-web`, so it is named here.
const DEBIAN_WASM: &[&str] = &["rustc-web", "cargo-web", "rust-web-src", "rust-web-llvm", "lld-22"];

/// The cargo that started us (so nested builds use the same toolchain).
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

pub fn succeeds(command: &mut Command) -> bool {
    command.stdout(Stdio::null()).stderr(Stdio::null()).status().map(|s| s.success()).unwrap_or(false)
}

pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn debian_packages_installed(packages: &[&str]) -> bool {
    packages.iter().all(|p| {
        output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p]))
            .is_some_and(|s| s.contains("install ok installed"))
    })
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0")
}

/// Installs Debian packages with apt-get, as root or through sudo.
pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo", "-n"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = sudo.iter().chain(["apt-get"].iter()).chain(args).copied().collect();
        let mut command = Command::new(all[0]);
        command.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

pub fn can_apt() -> bool {
    succeeds(Command::new("apt-get").arg("--version"))
        && (is_root() || succeeds(Command::new("sudo").args(["-n", "true"])))
}

/// How to build for wasm32 on this machine. Either way `std` is built from source, so that the
/// wasm's target features are the build's own (`.cargo/config.toml`: plain MVP wasm, which older
/// phones' engines run).
enum WasmToolchain {
    /// rustup's toolchain with its `rust-src` component: the usual way on a developer machine.
    Rustup,
    /// Debian's Rust "web" toolchain and its standard-library source.
    Debian,
}

/// What is missing for a wasm32 build with the given compiler, linker and library source, or
/// nothing: each part is asked to run, not looked up by package name.
fn wasm_build_gaps(rustc: &Path, sysroot_src: &Path, linker: &Path) -> Vec<String> {
    let mut gaps = Vec::new();
    if !succeeds(Command::new(rustc).arg("--version")) {
        gaps.push(format!("the compiler {} does not run", rustc.display()));
    }
    if !sysroot_src.join("std/Cargo.toml").is_file() {
        gaps.push(format!("the standard library's source is not at {}", sysroot_src.display()));
    }
    if !succeeds(Command::new(linker).args(["-flavor", "wasm", "--version"])) {
        gaps.push(format!("the wasm linker {} does not run", linker.display()));
    }
    gaps
}

fn rustup_sysroot() -> Option<PathBuf> {
    output(Command::new("rustc").args(["--print", "sysroot"])).map(|s| PathBuf::from(s.trim()))
}

/// The gaps of rustup's toolchain (its compiler, `rust-src`, and the `rust-lld` it ships).
fn rustup_gaps() -> Vec<String> {
    match rustup_sysroot() {
        Some(sysroot) => {
            let host_bin = sysroot.join("lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld");
            wasm_build_gaps(&sysroot.join("bin/rustc"), &sysroot.join("lib/rustlib/src/rust/library"), &host_bin)
        }
        None => vec!["rustc --print sysroot failed".into()],
    }
}

/// The gaps of Debian's web toolchain.
fn debian_gaps() -> Vec<String> {
    wasm_build_gaps(
        Path::new("/usr/bin/rustc"),
        Path::new("/usr/lib/rustlib/src/rust/library"),
        Path::new("/usr/bin/rust-lld"),
    )
}

fn wasm_toolchain() -> Result<WasmToolchain, String> {
    if rustup_gaps().is_empty() {
        return Ok(WasmToolchain::Rustup);
    }
    let missing = debian_gaps();
    if missing.is_empty() {
        return Ok(WasmToolchain::Debian);
    }
    if can_apt() {
        say(&format!(
            "no toolchain here can build {TARGET} yet ({}); installing Debian's Rust web toolchain \
             ({}) to build std for wasm32 from source",
            missing.join("; "),
            DEBIAN_WASM.join(" ")
        ));
        apt_install(DEBIAN_WASM)?;
        let gaps = debian_gaps();
        if gaps.is_empty() {
            return Ok(WasmToolchain::Debian);
        }
        return Err(format!("Debian's web toolchain was installed, but {}", gaps.join("; ")));
    }
    say("installing rustup's rust-src component, to build std for wasm32 from source");
    let added = Command::new("timeout")
        .args(["300", "rustup", "component", "add", "rust-src"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    let gaps = rustup_gaps();
    if added && gaps.is_empty() {
        Ok(WasmToolchain::Rustup)
    } else {
        Err(format!(
            "no way to build for {TARGET}: rustup's toolchain lacks what it needs ({}) and apt-get \
             is not available to install {}",
            gaps.join("; "),
            DEBIAN_WASM.join(" ")
        ))
    }
}

/// Builds the app for wasm32 with the size-optimised profile and returns the .wasm file.
pub fn build_wasm(root: &Path) -> Result<PathBuf, String> {
    // A target folder of its own: the Debian toolchain is another rustc version, and sharing
    // `target/` would make the two rebuild each other's dependencies.
    let target_dir = root.join("target/web");
    let mut command;
    match wasm_toolchain()? {
        WasmToolchain::Rustup => {
            say("cargo build: the app for wasm32 (rustup's toolchain, std built from source)");
            command = Command::new(cargo());
            command.env("RUSTC_BOOTSTRAP", "1").arg("-Zbuild-std=std,panic_abort");
        }
        WasmToolchain::Debian => {
            say("cargo build: the app for wasm32 (Debian's web toolchain, std built from source)");
            command = Command::new("/usr/bin/cargo");
            // rustup puts its own toolchain first on PATH for the processes it starts; name
            // Debian's compiler explicitly so it is the one that runs.
            command
                .env("RUSTC", "/usr/bin/rustc")
                .env("RUSTDOC", "/usr/bin/rustdoc")
                .env_remove("RUSTUP_TOOLCHAIN")
                .env("RUSTC_BOOTSTRAP", "1")
                .arg("-Zbuild-std=std,panic_abort");
        }
    }
    command
        .current_dir(root)
        .args(["build", "--profile", "wasm-release", "--target", TARGET, "-p", "app", "--features", "hydrate"])
        .arg("--target-dir")
        .arg(&target_dir);
    run(&mut command)?;
    Ok(target_dir.join(TARGET).join("wasm-release/app.wasm"))
}

/// The wasm-bindgen version Cargo.lock names: the CLI must be exactly this one.
fn locked_wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}

/// Where `cargo install` puts a program.
pub fn cargo_bin(name: &str) -> PathBuf {
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    cargo_home.join("bin").join(name)
}

/// Returns a wasm-bindgen CLI of the locked version, installing it with cargo if missing.
pub fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf, String> {
    let version = locked_wasm_bindgen_version(root)?;
    let installed = cargo_bin("wasm-bindgen");
    let has = |path: &Path| {
        output(Command::new(path).arg("--version"))
            .is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str()))
    };
    if has(&installed) {
        return Ok(installed);
    }
    say(&format!("installing wasm-bindgen-cli {version} with cargo install (a few minutes, once)"));
    // Without --locked: the registry here lacks some versions the CLI's own lock file names.
    // With --force: cargo's own record may still list a binary that is gone or of another
    // version, and would then refuse to install it again.
    run(Command::new(cargo()).args(["install", "--force", "wasm-bindgen-cli", "--version", &version]))?;
    if has(&installed) {
        Ok(installed)
    } else {
        Err(format!("wasm-bindgen {version} is still not at {}", installed.display()))
    }
}

/// Installs the npm packages of package-lock.json when node_modules does not match it.
pub fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let lock = std::fs::read(root.join("package-lock.json")).map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp = root.join("node_modules/.xtask-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    if !succeeds(Command::new("npm").arg("--version")) {
        return Err("npm is needed (Node.js 18 or later): install Node.js and run again".into());
    }
    say("npm ci: the wasm optimiser (binaryen) and the browser driver (playwright-core)");
    run(Command::new("npm").current_dir(root).args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// What the browser tests need from Debian: the browser, and a Chinese font so that the pages
/// (and their screenshots) show characters rather than empty boxes.
const DEBIAN_BROWSER: &[&str] = &["chromium", "fonts-noto-cjk", "poppler-utils"];

/// Returns the Chromium to test with: $CHROMIUM_PATH, else Debian's, installed if missing.
pub fn ensure_chromium() -> Result<PathBuf, String> {
    if let Ok(path) = std::env::var("CHROMIUM_PATH") {
        return Ok(PathBuf::from(path));
    }
    let debian = PathBuf::from("/usr/bin/chromium");
    if debian.exists() && (!can_apt() || debian_packages_installed(DEBIAN_BROWSER)) {
        return Ok(debian);
    }
    if can_apt() {
        say(&format!("installing {} for the browser tests", DEBIAN_BROWSER.join(" ")));
        apt_install(DEBIAN_BROWSER)?;
        return Ok(debian);
    }
    Err("the browser tests need Chromium: install it, or set CHROMIUM_PATH to its binary".into())
}

/// Makes sure a command that a Debian package provides is on PATH, installing the package with
/// apt-get if it is missing; `why` says what it is for.
pub fn ensure_debian_command(command: &str, package: &str, why: &str) -> Result<(), String> {
    if succeeds(Command::new("sh").args(["-c", &format!("command -v {command}")])) {
        return Ok(());
    }
    if !can_apt() {
        return Err(format!("{command} is needed {why}: install the Debian package {package} (or the like)"));
    }
    say(&format!("installing {package} with apt-get ({command}, {why})"));
    apt_install(&[package])
}

/// Makes sure `cargo fmt` and `cargo clippy` run, adding rustup's components if they do not.
pub fn ensure_rust_lints() -> Result<(), String> {
    let runs = |tool: &str| succeeds(Command::new(cargo()).args([tool, "--version"]));
    if runs("fmt") && runs("clippy") {
        return Ok(());
    }
    say("installing rustup's rustfmt and clippy components (for the format and lint gate)");
    let _ = Command::new("timeout").args(["300", "rustup", "component", "add", "rustfmt", "clippy"]).status();
    if runs("fmt") && runs("clippy") {
        Ok(())
    } else {
        Err("cargo fmt and cargo clippy are needed: `rustup component add rustfmt clippy` did not install them".into())
    }
}
