//! `cargo xtask bench`: how fast the site is, against its budgets.
//!
//! It builds the production site, serves it on a free local port (brotli-compressed, as a
//! production host would serve it), and prints: the bytes of a first load of every route, the
//! wasm's size and its biggest parts (twiggy), Lighthouse's mobile scores for every route, the
//! engine's time per estimate natively (`cargo bench -p engine`) and in the browser (every
//! `tests/bench/*.mjs`), and a summary of every budget. One part failing is reported and the
//! others go on; only a failed build makes the command fail.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::Value;

use crate::{root, say, serve, tools};

/// The one Lighthouse the benchmark uses; 12.x runs on Node 18.16 and later (13.x needs 22.19).
const LIGHTHOUSE_VERSION: &str = "12.8.2";
/// Where the benchmark keeps its own tools and reports: outside package.json, which is the tests'.
const TOOLS_DIR: &str = "target/bench-tools";
/// The route whose first load has a byte budget.
const CALCULATOR: &str = "/calculator";
/// Budgets (the engine's is in engine/benches/estimate.rs).
const FIRST_LOAD_BROTLI_BUDGET: u64 = 200_000;
const PERFORMANCE_BUDGET: f64 = 95.0;
const ACCESSIBILITY_BUDGET: f64 = 100.0;
const LCP_BUDGET_MS: f64 = 1500.0;
const ENGINE_BUDGET_NS: f64 = 5_000.0;
/// Chromium's flags for Lighthouse: headless, as root, and without the background connections
/// that a closed network refuses.
const LIGHTHOUSE_CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
     --disable-background-networking --disable-component-update --disable-sync";
/// Files a static host compresses (images such as PNG are compressed already).
const COMPRESSED_TYPES: &[&str] = &["html", "js", "mjs", "css", "wasm", "svg", "json", "webmanifest", "txt", "ico"];

/// One line of the summary: a budget, what was measured, and whether it was met.
struct Row {
    budget: String,
    measured: String,
    verdict: String,
}

#[derive(Default)]
struct Summary {
    rows: Vec<Row>,
}

impl Summary {
    fn add(&mut self, budget: impl Into<String>, measured: impl Into<String>, verdict: impl Into<String>) {
        self.rows.push(Row { budget: budget.into(), measured: measured.into(), verdict: verdict.into() });
    }

    fn has(&self, budget: &str) -> bool {
        self.rows.iter().any(|r| r.budget == budget)
    }
}

/// A file's size as served: as it is, gzip -9 and brotli -q 11.
#[derive(Clone, Copy, Default)]
struct Sizes {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

/// What the parts share: where things are, and what each needs that may have failed to appear.
struct Bench {
    root: PathBuf,
    dist: PathBuf,
    sizes: BTreeMap<PathBuf, Sizes>,
    base: Result<String, String>,
    chromium: Result<PathBuf, String>,
    npm: Result<(), String>,
    summary: Summary,
}

pub fn bench() -> Result<(), String> {
    let started = Instant::now();
    let root = root();
    heading("Benchmark");
    machine_notes(&root);
    let load_at_start = load_average();
    let dist = crate::build()?;

    heading("Serving the site");
    let (sizes, brotli) = match compress_all(&dist) {
        Ok(found) => found,
        Err(e) => {
            println!("  could not compress the files ({e}); sizes and serving are uncompressed");
            (BTreeMap::new(), serve::Brotli::new())
        }
    };
    let compressed = !brotli.is_empty();
    let base = serve::start_with_brotli(&dist, 0, brotli).map(|s| format!("http://127.0.0.1:{}", s.port));
    match &base {
        Ok(base) if compressed => println!("  {base}/ (brotli to clients that accept it, as a production host would)"),
        Ok(base) => println!("  {base}/ (uncompressed)"),
        Err(e) => println!("  could not serve the site: {e}; the parts that need a browser are skipped"),
    }
    let chromium = tools::ensure_chromium();
    let npm = tools::ensure_npm_packages(&root);
    let mut bench = Bench { root, dist, sizes, base, chromium, npm, summary: Summary::default() };

    part(&mut bench, "1. First load per route", &[FIRST_LOAD_BUDGET], first_load);
    part(&mut bench, "2. The wasm and its biggest parts", &[], wasm_parts);
    part(&mut bench, "3. Lighthouse, mobile, every route", &[PERFORMANCE_ROW, ACCESSIBILITY_ROW, LCP_ROW], lighthouse);
    part(&mut bench, "4. The engine natively (cargo bench -p engine)", &[ENGINE_ROW, ENGINE_PARSE_ROW], engine_native);
    part(&mut bench, "5. Browser benchmarks (tests/bench/*.mjs)", &[], browser_scripts);

    heading("Summary");
    print_summary(&bench.summary);
    println!();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    println!(
        "  Load average (1, 5, 15 min) on {cores} cores: {load_at_start} at the start, {} at the end;",
        load_average()
    );
    println!("  other work on the machine makes the timings (engine, browser, Lighthouse TBT/LCP) worse.");
    println!("  (took {:.0} s)", started.elapsed().as_secs_f64());
    Ok(())
}

const FIRST_LOAD_BUDGET: &str = "calculator first load, brotli <= 200 KB";
const PERFORMANCE_ROW: &str = "Lighthouse performance >= 95, every route";
const ACCESSIBILITY_ROW: &str = "Lighthouse accessibility = 100, every route";
const LCP_ROW: &str = "Lighthouse LCP <= 1.5 s, every route";
const ENGINE_ROW: &str = "engine natively, one estimate, median <= 5 us";
const ENGINE_PARSE_ROW: &str = "engine natively, form text to estimate, median <= 5 us";

fn heading(title: &str) {
    println!();
    println!("== {title} {}", "=".repeat(72usize.saturating_sub(title.chars().count() + 4)));
}

/// Runs one part; an error is printed and the part's budgets are marked as not measured.
fn part(bench: &mut Bench, title: &str, budgets: &[&str], run: fn(&mut Bench) -> Result<(), String>) {
    heading(title);
    let started = Instant::now();
    if let Err(e) = run(bench) {
        println!("  FAILED: {e}");
    }
    for budget in budgets {
        if !bench.summary.has(budget) {
            bench.summary.add(*budget, "not measured", "see the error above");
        }
    }
    println!("  ({title}: {:.0} s; load average now {})", started.elapsed().as_secs_f64(), load_average());
}

/// What may make the figures noisy: the commit, the machine, and what else it is doing.
fn machine_notes(root: &Path) {
    let commit = tools::output(Command::new("git").current_dir(root).args(["rev-parse", "--short", "HEAD"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let dirty = tools::output(Command::new("git").current_dir(root).args(["status", "--porcelain"]))
        .is_some_and(|s| !s.trim().is_empty());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let load = load_average();
    let date = tools::output(Command::new("date").arg("-u").arg("+%Y-%m-%d %H:%M UTC"))
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    println!("  {date}; commit {commit}{}", if dirty { " with uncommitted changes" } else { "" });
    println!("  {cores} cores, load average {load} (other work on the machine slows the timings)");
}

/// The load average over 1, 5 and 15 minutes.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// Every file in `dir`, recursively.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).map_err(|e| format!("{}: {e}", next.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Runs a command and returns its standard output as bytes.
fn stdout_of(command: &mut Command) -> Result<Vec<u8>, String> {
    let out = command.stderr(Stdio::piped()).output().map_err(|e| format!("could not start {command:?}: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!("{command:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()))
    }
}

/// Sizes every file of the site, and keeps the brotli bodies of those a host would compress.
fn compress_all(dist: &Path) -> Result<(BTreeMap<PathBuf, Sizes>, serve::Brotli), String> {
    tools::ensure_debian_command("gzip", "gzip", "to size the files gzip-compressed")?;
    tools::ensure_debian_command("brotli", "brotli", "to size and serve the files brotli-compressed")?;
    say("compressing every file of the site (gzip -9, brotli -q 11)");
    let mut sizes = BTreeMap::new();
    let mut bodies = serve::Brotli::new();
    for file in files_under(dist)? {
        let raw = std::fs::metadata(&file).map_err(|e| format!("{}: {e}", file.display()))?.len();
        let gzip = stdout_of(Command::new("gzip").args(["-9", "-n", "-c"]).arg(&file))?;
        let brotli = stdout_of(Command::new("brotli").args(["-q", "11", "-c"]).arg(&file))?;
        sizes.insert(file.clone(), Sizes { raw, gzip: gzip.len() as u64, brotli: brotli.len() as u64 });
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if COMPRESSED_TYPES.contains(&ext) {
            bodies.insert(file, brotli);
        }
    }
    Ok((sizes, bodies))
}

/// The routes: every `index.html` of the site, `index.html` being `/` and `a/index.html` `/a`.
fn routes(dist: &Path) -> Result<Vec<String>, String> {
    let mut routes: Vec<String> = files_under(dist)?
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "index.html"))
        .filter_map(|f| f.parent()?.strip_prefix(dist).ok().map(|p| format!("/{}", p.to_string_lossy())))
        .collect();
    routes.sort_by_key(|r| (r != "/", r.clone()));
    Ok(routes)
}

fn needs_browser(bench: &Bench) -> Result<(String, PathBuf), String> {
    let base = bench.base.clone()?;
    let chromium = bench.chromium.clone()?;
    bench.npm.clone()?;
    Ok((base, chromium))
}

/// Part 1: every route's first load, as recorded in Chromium, sized from the site's files.
fn first_load(bench: &mut Bench) -> Result<(), String> {
    let (base, chromium) = needs_browser(bench)?;
    let routes = routes(&bench.dist)?;
    if routes.is_empty() {
        return Err("dist/ holds no index.html".into());
    }
    println!("  Every URL a fresh visit loads (empty cache, service worker blocked), until the wasm");
    println!("  has taken over the page and the network is quiet; recorded in headless Chromium.");
    let out = stdout_of(
        Command::new("node")
            .current_dir(&bench.root)
            .arg("xtask/src/first-load.mjs")
            .args(&routes)
            .env("BASE_URL", &base)
            .env("CHROMIUM_PATH", &chromium),
    )?;
    let mut loads: Vec<(String, Vec<PathBuf>)> = Vec::new();
    let mut all_files = BTreeSet::new();
    for line in String::from_utf8_lossy(&out).lines().filter(|l| l.starts_with('{')) {
        let record: Value = serde_json::from_str(line).map_err(|e| format!("first-load.mjs printed {line:?}: {e}"))?;
        let route = record["route"].as_str().unwrap_or("?").to_string();
        for error in record["errors"].as_array().into_iter().flatten() {
            println!("  problem on {route}: {}", error.as_str().unwrap_or(""));
        }
        let mut files = Vec::new();
        for url in record["urls"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            match url.strip_prefix(&base).and_then(|path| serve::resolve(&bench.dist, path)) {
                Some(file) => {
                    all_files.insert(file.clone());
                    files.push(file);
                }
                None if url.starts_with("data:") => {}
                None => println!("  {route} loaded {url}, which is not a file of the site: not counted"),
            }
        }
        loads.push((route, files));
    }
    if loads.is_empty() {
        return Err("first-load.mjs recorded no route".into());
    }
    let sizes = |file: &Path| {
        bench
            .sizes
            .get(file)
            .copied()
            .unwrap_or_else(|| Sizes { raw: std::fs::metadata(file).map(|m| m.len()).unwrap_or(0), ..Sizes::default() })
    };
    let name = |file: &Path| file.strip_prefix(&bench.dist).unwrap_or(file).to_string_lossy().into_owned();

    println!();
    println!("  {:<34} {:>11} {:>11} {:>13}", "file (loaded by some route)", "raw", "gzip -9", "brotli -q 11");
    for file in &all_files {
        let s = sizes(file);
        println!("  {:<34} {:>11} {:>11} {:>13}", name(file), kb(s.raw), kb(s.gzip), kb(s.brotli));
    }
    println!();
    println!("  {:<20} {:>5} {:>11} {:>11} {:>13}", "route", "files", "raw", "gzip -9", "brotli -q 11");
    let mut calculator = None;
    for (route, files) in &loads {
        let mut total = Sizes::default();
        for file in files {
            total += sizes(file);
        }
        println!(
            "  {:<20} {:>5} {:>11} {:>11} {:>13}",
            route,
            files.len(),
            kb(total.raw),
            kb(total.gzip),
            kb(total.brotli)
        );
        if route == CALCULATOR {
            calculator = Some((total, files.clone()));
        }
    }
    println!("  (1 KB = 1000 bytes; sizes of the files as built, compressed here; HTTP headers not counted)");

    let Some((total, files)) = calculator else {
        return Err(format!("no {CALCULATOR} among the routes"));
    };
    println!();
    let verdict = against_max(total.brotli as f64, FIRST_LOAD_BROTLI_BUDGET as f64, |x| kb(x as u64));
    println!(
        "  Budget: the calculator's first load <= {} brotli: {} ({verdict})",
        kb(FIRST_LOAD_BROTLI_BUDGET),
        kb(total.brotli)
    );
    bench.summary.add(FIRST_LOAD_BUDGET, kb(total.brotli), verdict);
    if bench.sizes.is_empty() {
        println!("  (the files could not be compressed: the brotli figure is 0)");
    }
    precache(bench, &files)
}

/// What the service worker downloads after the first load, to keep the site for offline use.
fn precache(bench: &Bench, first_load: &[PathBuf]) -> Result<(), String> {
    let worker = std::fs::read_to_string(bench.dist.join("sw.js")).map_err(|e| format!("dist/sw.js: {e}"))?;
    let list = worker
        .lines()
        .find_map(|l| l.trim().strip_prefix("const FILES = "))
        .ok_or("dist/sw.js has no `const FILES = [...]` line")?;
    let urls: Vec<String> =
        serde_json::from_str(list.trim_end_matches(';')).map_err(|e| format!("the file list of dist/sw.js: {e}"))?;
    let mut all = Sizes::default();
    let mut more = Sizes::default();
    for url in &urls {
        let Some(file) = serve::resolve(&bench.dist, url) else { continue };
        let s = bench.sizes.get(&file).copied().unwrap_or_default();
        all += s;
        if !first_load.contains(&file) {
            more += s;
        }
    }
    let worker_size = bench.sizes.get(&bench.dist.join("sw.js")).copied().unwrap_or_default();
    println!();
    println!(
        "  After the first load the service worker (sw.js, {} brotli) keeps the whole site for",
        kb(worker_size.brotli)
    );
    println!(
        "  offline use: {} files, {} brotli ({} raw); {} brotli of it is not part of the",
        urls.len(),
        kb(all.brotli),
        kb(all.raw),
        kb(more.brotli)
    );
    println!("  calculator's first load (the hashed assets already loaded come from the browser cache).");
    Ok(())
}

/// "met (x under)" or "missed by x", for a figure that must stay at or below `limit`.
fn against_max(measured: f64, limit: f64, show: impl Fn(f64) -> String) -> String {
    if measured <= limit {
        format!("met ({} under)", show(limit - measured))
    } else {
        format!("missed by {}", show(measured - limit))
    }
}

/// Part 2: the wasm's sizes and, by twiggy, its biggest functions and crates.
fn wasm_parts(bench: &mut Bench) -> Result<(), String> {
    let shipped = files_under(&bench.dist.join("pkg"))?
        .into_iter()
        .find(|f| f.extension().is_some_and(|e| e == "wasm"))
        .ok_or("dist/pkg holds no .wasm")?;
    let bindgen = bench.root.join("pkg/app_bg.wasm");
    let cargo_out = bench.root.join("target/web/wasm32-unknown-unknown/wasm-release/app.wasm");
    let size = |p: &Path| std::fs::metadata(p).map(|m| kb(m.len())).unwrap_or_else(|_| "missing".into());
    let s = bench.sizes.get(&shipped).copied().unwrap_or_default();
    println!(
        "  shipped, after wasm-opt -Oz:  {}: {} raw, {} gzip -9, {} brotli -q 11",
        name_in(&bench.dist, &shipped),
        kb(s.raw),
        kb(s.gzip),
        kb(s.brotli)
    );
    println!("  wasm-bindgen's output:        pkg/app_bg.wasm: {} raw", size(&bindgen));
    println!(
        "  cargo's output:               target/web/wasm32-unknown-unknown/wasm-release/app.wasm: {} raw",
        size(&cargo_out)
    );
    println!();
    println!("  Sections (bytes):             {:>10} {:>10}", "shipped", "bindgen");
    let shipped_sections = wasm_sections(&shipped)?;
    let bindgen_sections = wasm_sections(&bindgen).unwrap_or_default();
    let mut names: Vec<&String> =
        shipped_sections.keys().chain(bindgen_sections.keys()).collect::<BTreeSet<_>>().into_iter().collect();
    names.sort_by_key(|n| {
        std::cmp::Reverse(shipped_sections.get(*n).max(bindgen_sections.get(*n)).copied().unwrap_or(0))
    });
    for name in names {
        let cell = |m: &BTreeMap<String, u64>| m.get(name).map_or("-".to_string(), u64::to_string);
        println!("    {:<28} {:>10} {:>10}", name, cell(&shipped_sections), cell(&bindgen_sections));
    }

    // twiggy needs function names, which the shipped wasm no longer has; wasm-bindgen's output
    // has them but is not yet optimised. So optimise it the same way, keeping the names.
    let named = named_copy(&bench.root, &bindgen)?;
    let named_code = wasm_sections(&named)?.get("code").copied();
    let same = named_code == shipped_sections.get("code").copied();
    println!();
    println!("  twiggy reads {}: wasm-bindgen's output optimised as the build does", name_in(&bench.root, &named));
    println!(
        "  (wasm-opt -Oz) but keeping the function names; its code section is {} the shipped one.",
        if same { "the same size as" } else { "NOT the same size as" }
    );
    let twiggy = ensure_twiggy()?;
    let json = stdout_of(Command::new(&twiggy).args(["top", "-f", "json"]).arg(&named))?;
    let items: Vec<Value> = serde_json::from_slice(&json).map_err(|e| format!("twiggy's JSON: {e}"))?;
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    let mut total = 0;
    let mut not_shipped = 0;
    let mut top = Vec::new();
    for item in &items {
        let bytes = item["shallow_size"].as_u64().unwrap_or(0);
        let name = item["name"].as_str().unwrap_or("");
        let group = crate_of(name);
        if group == NOT_SHIPPED {
            not_shipped += bytes;
            continue;
        }
        total += bytes;
        *by_crate.entry(group).or_default() += bytes;
        top.push((bytes, name));
    }
    top.sort_by_key(|item| std::cmp::Reverse(item.0));
    println!();
    println!("  twiggy top -n 25: the biggest items, without the name section ({not_shipped} bytes,");
    println!("  there only for twiggy); crate hashes removed, long names cut at {NAME_WIDTH} characters:");
    println!("    {:>8} {:>6}  item", "bytes", "share");
    for (bytes, name) in top.iter().take(25) {
        println!("    {:>8} {:>5.1}%  {}", bytes, percent(*bytes, total), short_name(name));
    }
    let rest: u64 = top.iter().skip(25).map(|(b, _)| b).sum();
    println!("    {:>8} {:>5.1}%  ... and {} more items", rest, percent(rest, total), top.len().saturating_sub(25));
    let mut ranked: Vec<(String, u64)> = by_crate.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!();
    println!("  By crate: the same items grouped by the first path segment of their names (a");
    println!("  heuristic: generic code counts where it is named, which is often not where it is used):");
    println!("    {:>10} {:>7}  crate", "bytes", "share");
    let shown = 20;
    for (name, bytes) in ranked.iter().take(shown) {
        println!("    {:>10} {:>6.1}%  {name}", bytes, percent(*bytes, total));
    }
    let rest: u64 = ranked.iter().skip(shown).map(|(_, b)| b).sum();
    if rest > 0 {
        println!("    {:>10} {:>6.1}%  ({} more)", rest, percent(rest, total), ranked.len() - shown);
    }
    println!("    {:>10} {:>6.1}%  in all", total, 100.0);
    let for_app: u64 = items
        .iter()
        .filter_map(|i| Some((i["name"].as_str()?, i["shallow_size"].as_u64()?)))
        .filter(|(name, _)| crate_of(name) != "app" && short_name_uncut(name).contains("app::"))
        .map(|(_, bytes)| bytes)
        .sum();
    println!(
        "  Of the other crates' items, {} ({:.1}%) are generic code made for the site's own types",
        for_app,
        percent(for_app, total)
    );
    println!("  (their names mention app::), such as the view code of each page.");

    match stdout_of(Command::new(&twiggy).args(["garbage", "-n", "5"]).arg(&named)) {
        Ok(garbage) => {
            println!();
            println!("  twiggy garbage -n 5 (items that nothing refers to):");
            for line in String::from_utf8_lossy(&garbage).lines() {
                println!("    {line}");
            }
        }
        Err(e) => println!("  twiggy garbage failed: {e}"),
    }
    Ok(())
}

/// wasm-bindgen's output, optimised as the build optimises it, with its function names kept
/// (DWARF, if any, dropped first); made again only when the input is newer.
fn named_copy(root: &Path, bindgen: &Path) -> Result<PathBuf, String> {
    let named = root.join(TOOLS_DIR).join("app.named.wasm");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(made), Some(input)) = (modified(&named), modified(bindgen)) {
        if made >= input {
            return Ok(named);
        }
    }
    std::fs::create_dir_all(root.join(TOOLS_DIR)).map_err(|e| format!("{TOOLS_DIR}: {e}"))?;
    say("wasm-opt -Oz -g: optimising wasm-bindgen's output again, keeping the names for twiggy");
    crate::run(
        Command::new(root.join("node_modules/.bin/wasm-opt"))
            .args(["--strip-dwarf", "-Oz", "-g", "--strip-producers"])
            .args(tools::WASM_FEATURES)
            .arg(bindgen)
            .arg("-o")
            .arg(&named),
    )?;
    Ok(named)
}

/// The byte size of each section of a wasm file, by name ("code", "data", "custom: name", ...).
fn wasm_sections(file: &Path) -> Result<BTreeMap<String, u64>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    sections_of(&bytes).ok_or_else(|| format!("{} is not a wasm module", file.display()))
}

fn sections_of(bytes: &[u8]) -> Option<BTreeMap<String, u64>> {
    fn leb(bytes: &[u8], at: &mut usize) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }
    const NAMES: [&str; 14] = [
        "custom",
        "type",
        "import",
        "function",
        "table",
        "memory",
        "global",
        "export",
        "start",
        "element",
        "code",
        "data",
        "data count",
        "tag",
    ];
    if bytes.get(..4)? != b"\0asm" {
        return None;
    }
    let mut sections = BTreeMap::new();
    let mut at = 8;
    while at < bytes.len() {
        let id = *bytes.get(at)?;
        at += 1;
        let size = usize::try_from(leb(bytes, &mut at)?).ok()?;
        let body = bytes.get(at..at.checked_add(size)?)?;
        let name = if id == 0 {
            let mut inner = 0;
            let length = usize::try_from(leb(body, &mut inner)?).ok()?;
            let custom = body.get(inner..inner.checked_add(length)?)?;
            format!("custom: {}", String::from_utf8_lossy(custom))
        } else {
            NAMES.get(usize::from(id)).map_or_else(|| format!("section {id}"), |n| (*n).to_string())
        };
        *sections.entry(name).or_default() += size as u64;
        at += size;
    }
    Some(sections)
}

fn name_in(dir: &Path, file: &Path) -> String {
    file.strip_prefix(dir).unwrap_or(file).to_string_lossy().into_owned()
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// How much of an item's name the tables show.
const NAME_WIDTH: usize = 110;

/// A symbol name without the crates' disambiguating hashes (`leptos[84cde94de37ab24f]`),
/// cut to [`NAME_WIDTH`] characters.
fn short_name(name: &str) -> String {
    let out = short_name_uncut(name);
    if out.chars().count() > NAME_WIDTH {
        out.chars().take(NAME_WIDTH - 3).collect::<String>() + "..."
    } else {
        out
    }
}

fn short_name_uncut(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let hash = rest[open + 1..].split(']').next().unwrap_or("");
        let is_hash = hash.len() >= 8
            && hash.chars().all(|c| c.is_ascii_hexdigit())
            && rest[open + 1 + hash.len()..].starts_with(']');
        out.push_str(&rest[..open]);
        if is_hash {
            rest = &rest[open + hash.len() + 2..];
        } else {
            out.push('[');
            rest = &rest[open + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The group of the name and custom sections, which the shipped wasm does not have.
const NOT_SHIPPED: &str = "(name and custom sections)";

/// The crate a symbol belongs to, by the first segment of its path; wasm's own items (data
/// segments, unnamed functions, tables) are grouped by kind.
fn crate_of(name: &str) -> String {
    let kinds = [
        ("data[", "(data segments: strings, tables of constants)"),
        ("code[", "(functions without a name)"),
        ("import ", "(imports from JavaScript)"),
        ("export ", "(exports)"),
        ("__wbg_", "(wasm-bindgen glue)"),
        ("__wbindgen", "(wasm-bindgen glue)"),
        ("table[", "(tables, types, globals)"),
        ("elem[", "(tables, types, globals)"),
        ("type[", "(tables, types, globals)"),
        ("global[", "(tables, types, globals)"),
        ("func[", "(tables, types, globals)"),
    ];
    if let Some((_, kind)) = kinds.iter().find(|(prefix, _)| name.starts_with(prefix)) {
        return (*kind).to_string();
    }
    if name.starts_with('"') || name.starts_with("custom section") {
        return NOT_SHIPPED.to_string();
    }
    if name.starts_with("data segment") {
        return "(data segments: strings, tables of constants)".to_string();
    }
    let name = &short_name_uncut(name);
    let path_start = |s: &str| -> Option<String> {
        let s = s.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        let s = s.strip_prefix("mut ").or_else(|| s.strip_prefix("const ")).unwrap_or(s);
        let s = s.strip_prefix("dyn ").or_else(|| s.strip_prefix("impl ")).unwrap_or(s);
        let s = s.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
        let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
        let segment = &s[..end];
        (s[end..].starts_with("::") && !segment.is_empty() && segment != "_").then(|| segment.to_string())
    };
    // `<T as path::Trait>::f` where T is a bare type parameter belongs to the trait's crate.
    let first = path_start(name);
    let trait_side = name.find(" as ").and_then(|i| path_start(&name[i + 4..]));
    match (first, trait_side) {
        (Some(c), _) => c,
        (None, Some(c)) => c,
        (None, None) => "(other)".to_string(),
    }
}

/// twiggy, from `cargo install twiggy --locked` when missing.
fn ensure_twiggy() -> Result<PathBuf, String> {
    let installed = tools::cargo_bin("twiggy");
    if tools::succeeds(Command::new(&installed).arg("--version")) {
        return Ok(installed);
    }
    say("installing twiggy (the wasm size profiler) with cargo install --locked (a few minutes, once)");
    crate::run(Command::new(tools::cargo()).args(["install", "twiggy", "--locked"]))?;
    if tools::succeeds(Command::new(&installed).arg("--version")) {
        Ok(installed)
    } else {
        Err(format!("twiggy is still not at {}", installed.display()))
    }
}

/// Lighthouse of the pinned version, in the benchmark's own tools folder.
fn ensure_lighthouse(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join(TOOLS_DIR);
    let cli = dir.join("node_modules/lighthouse/cli/index.js");
    let version = || -> Option<String> {
        let manifest = std::fs::read(dir.join("node_modules/lighthouse/package.json")).ok()?;
        let manifest: Value = serde_json::from_slice(&manifest).ok()?;
        manifest["version"].as_str().map(str::to_string)
    };
    if cli.is_file() && version().as_deref() == Some(LIGHTHOUSE_VERSION) {
        return Ok(cli);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    say(&format!("installing lighthouse {LIGHTHOUSE_VERSION} with npm into {TOOLS_DIR} (once)"));
    crate::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--save-exact", "--prefix"])
            .arg(&dir)
            .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")),
    )?;
    if cli.is_file() {
        Ok(cli)
    } else {
        Err(format!("lighthouse is still not at {}", cli.display()))
    }
}

/// One route's Lighthouse figures.
struct Scores {
    route: String,
    categories: BTreeMap<String, Option<f64>>,
    fcp: Option<f64>,
    lcp: Option<f64>,
    tbt: Option<f64>,
    cls: Option<f64>,
    /// FCP and LCP as they happened on this machine, before the simulation of a phone.
    observed_fcp: Option<f64>,
    observed_lcp: Option<f64>,
    /// The element of the largest paint, and the phases of the simulated LCP.
    lcp_element: String,
    lcp_phases: String,
    /// Lighthouse's measure of this machine's CPU speed.
    benchmark_index: Option<f64>,
    warnings: Vec<String>,
    /// Audits that did not pass: (category, audit id, title, what it found).
    failed: Vec<(String, String, String, String)>,
}

const CATEGORIES: &[(&str, &str)] =
    &[("performance", "perf"), ("accessibility", "a11y"), ("best-practices", "best-pr"), ("seo", "SEO")];

/// Part 3: Lighthouse on every route, with its default mobile settings.
fn lighthouse(bench: &mut Bench) -> Result<(), String> {
    let (base, chromium) = needs_browser(bench)?;
    let cli = ensure_lighthouse(&bench.root)?;
    let reports = bench.root.join(TOOLS_DIR).join("reports");
    std::fs::create_dir_all(&reports).map_err(|e| format!("{}: {e}", reports.display()))?;
    println!("  Lighthouse {LIGHTHOUSE_VERSION}, mobile: its defaults, a mid-range phone on slow 4G with a 4x");
    println!("  slower CPU, simulated from one load on this machine; Chromium {}.", chromium.display());
    println!("  JSON reports in {TOOLS_DIR}/reports/.");
    let mut all = Vec::new();
    for route in routes(&bench.dist)? {
        let slug = if route == "/" { "index".to_string() } else { route.trim_matches('/').replace('/', "-") };
        let report = reports.join(format!("{slug}.json"));
        let _ = std::fs::remove_file(&report);
        let url = format!("{base}{route}");
        let started = Instant::now();
        let run = Command::new("timeout")
            .arg("300")
            .arg("node")
            .arg(&cli)
            .arg(&url)
            .args(["--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo"])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!("--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}"))
            .env("CHROME_PATH", &chromium)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        let outcome = match run {
            Err(e) => Err(format!("could not start lighthouse: {e}")),
            Ok(out) if !out.status.success() => Err(format!(
                "lighthouse failed ({}): {}",
                out.status,
                last_lines(&String::from_utf8_lossy(&out.stderr), 5)
            )),
            Ok(_) => read_report(&report, &route),
        };
        match outcome {
            Ok(scores) => {
                println!("  {route}: done in {:.0} s", started.elapsed().as_secs_f64());
                all.push(scores);
            }
            Err(e) => println!("  {route}: FAILED: {e}"),
        }
    }
    if all.is_empty() {
        return Err("no route could be measured".into());
    }
    println!();
    print!("  {:<20}", "route");
    for (_, short) in CATEGORIES {
        print!(" {short:>7}");
    }
    println!(" {:>8} {:>8} {:>8} {:>7}", "FCP", "LCP", "TBT", "CLS");
    let seconds = |ms: Option<f64>| ms.map_or("-".into(), |v| format!("{:.2} s", v / 1000.0));
    for s in &all {
        print!("  {:<20}", s.route);
        for (id, _) in CATEGORIES {
            let score = s.categories.get(*id).copied().flatten();
            print!(" {:>7}", score.map_or("-".into(), |v| format!("{v:.0}")));
        }
        println!(
            " {:>8} {:>8} {:>8} {:>7}",
            seconds(s.fcp),
            seconds(s.lcp),
            s.tbt.map_or("-".into(), |v| format!("{v:.0} ms")),
            s.cls.map_or("-".into(), |v| format!("{v:.3}"))
        );
    }

    println!();
    println!("  The largest paint: its element, the phases of the simulated LCP, and FCP / LCP as");
    println!("  observed on this machine before the simulation:");
    for s in &all {
        println!("    {:<20} {}", s.route, s.lcp_element);
        println!(
            "    {:<20} {}; observed FCP {}, LCP {}",
            "",
            s.lcp_phases,
            seconds(s.observed_fcp),
            seconds(s.observed_lcp)
        );
    }

    let indexes: Vec<f64> = all.iter().filter_map(|s| s.benchmark_index).collect();
    if let (Some(low), Some(high)) =
        (indexes.iter().copied().reduce(f64::min), indexes.iter().copied().reduce(f64::max))
    {
        println!();
        println!("  Lighthouse's CPU benchmark index of this machine: {low:.0} to {high:.0} (it assumes a desktop");
        println!("  CPU of 1000 or more when it slows the CPU down 4x; a lower index makes TBT and LCP worse).");
    }
    let mut warnings: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for s in &all {
        for w in &s.warnings {
            warnings.entry(w.as_str()).or_default().push(s.route.as_str());
        }
    }
    for (warning, routes) in warnings {
        let on = if routes.len() == all.len() { "every route".to_string() } else { routes.join(", ") };
        let warning = warning.split_whitespace().collect::<Vec<_>>().join(" ");
        println!("  Lighthouse warned on {on}:");
        for line in wrap_words(&warning, 96) {
            println!("    {line}");
        }
    }

    // The same audit on many routes is listed once, with each route's figure.
    let mut failed: BTreeMap<(&str, &str), (&str, Vec<String>)> = BTreeMap::new();
    for s in &all {
        for (category, id, title, found) in &s.failed {
            let entry = failed.entry((category.as_str(), id.as_str())).or_insert((title.as_str(), Vec::new()));
            entry.1.push(if found.is_empty() { s.route.clone() } else { format!("{} {found}", s.route) });
        }
    }
    if !failed.is_empty() {
        println!();
        println!("  Audits that did not pass (besides the metrics above):");
        for ((category, id), (title, routes)) in failed {
            println!("    {category}: {id} ({title})");
            for line in wrap(&routes, 96) {
                println!("      {line}");
            }
        }
    }

    let score_of = |s: &Scores, id: &str| s.categories.get(id).copied().flatten();
    budget_min(&mut bench.summary, PERFORMANCE_ROW, &all, |s| score_of(s, "performance"), PERFORMANCE_BUDGET, "points");
    budget_min(
        &mut bench.summary,
        ACCESSIBILITY_ROW,
        &all,
        |s| score_of(s, "accessibility"),
        ACCESSIBILITY_BUDGET,
        "points",
    );
    // LCP: the slowest route against the ceiling.
    let lcps: Vec<(&str, f64)> = all.iter().filter_map(|s| Some((s.route.as_str(), s.lcp?))).collect();
    if let Some((route, worst)) = lcps.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1)) {
        let over = lcps.iter().filter(|(_, v)| *v > LCP_BUDGET_MS).count();
        let verdict = if over == 0 {
            format!("met ({:.2} s under)", (LCP_BUDGET_MS - worst) / 1000.0)
        } else {
            format!("missed on {over} of {} routes, by up to {:.2} s", lcps.len(), (worst - LCP_BUDGET_MS) / 1000.0)
        };
        bench.summary.add(LCP_ROW, format!("slowest {:.2} s ({route})", worst / 1000.0), verdict);
    }
    Ok(())
}

/// A summary row for a score that must be at least `floor` on every route.
fn budget_min(
    summary: &mut Summary,
    row: &str,
    all: &[Scores],
    score: impl Fn(&Scores) -> Option<f64>,
    floor: f64,
    unit: &str,
) {
    let scored: Vec<(&str, f64)> = all.iter().filter_map(|s| Some((s.route.as_str(), score(s)?))).collect();
    let Some((route, worst)) = scored.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1)) else { return };
    let under = scored.iter().filter(|(_, v)| *v < floor).count();
    let verdict = if under == 0 {
        "met".to_string()
    } else {
        format!("missed on {under} of {} routes, by up to {:.0} {unit}", scored.len(), floor - worst)
    };
    let of = if all.len() > scored.len() {
        format!(", {} of {} routes scored", scored.len(), all.len())
    } else {
        String::new()
    };
    summary.add(row, format!("lowest {worst:.0} ({route}{of})"), verdict);
}

/// Breaks text into lines of at most about `width` characters, at spaces.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + word.chars().count() < width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Joins items with ", " into lines of at most about `width` characters.
fn wrap(items: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if line.chars().count() + item.chars().count() + 2 <= width => {
                line.push_str(", ");
                line.push_str(item);
            }
            Some(line) => {
                line.push(',');
                lines.push(item.clone());
            }
            None => lines.push(item.clone()),
        }
    }
    lines
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join(" / ")
}

fn read_report(report: &Path, route: &str) -> Result<Scores, String> {
    let bytes = std::fs::read(report).map_err(|e| format!("{}: {e}", report.display()))?;
    let json: Value = serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", report.display()))?;
    if let Some(message) = json["runtimeError"]["message"].as_str() {
        return Err(format!("Lighthouse: {message}"));
    }
    let warnings =
        json["runWarnings"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect();
    let audits = &json["audits"];
    let numeric = |id: &str| audits[id]["numericValue"].as_f64();
    let mut categories = BTreeMap::new();
    let mut failed = Vec::new();
    for (id, _) in CATEGORIES {
        let category = &json["categories"][*id];
        categories.insert(id.to_string(), category["score"].as_f64().map(|s| (s * 100.0).round()));
        for reference in category["auditRefs"].as_array().into_iter().flatten() {
            let Some(audit_id) = reference["id"].as_str() else { continue };
            let group = reference["group"].as_str().unwrap_or("");
            let weight = reference["weight"].as_f64().unwrap_or(0.0);
            let audit = &audits[audit_id];
            let Some(score) = audit["score"].as_f64() else { continue };
            // Performance weighs only its metrics, shown in the table; its other audits (the
            // diagnostics) are listed when they fail clearly. Elsewhere every weighed audit
            // that did not pass is listed.
            let listed = if *id == "performance" {
                // The largest paint's element is shown with the metrics.
                group != "metrics" && group != "hidden" && audit_id != "largest-contentful-paint-element" && score < 0.9
            } else {
                weight > 0.0 && score < 1.0
            };
            if !listed {
                continue;
            }
            let title = audit["title"].as_str().unwrap_or("").to_string();
            let found = audit["displayValue"].as_str().unwrap_or("").to_string();
            failed.push((id.to_string(), audit_id.to_string(), title, found));
        }
    }
    let metrics = &audits["metrics"]["details"]["items"][0];
    let lcp_details = audits["largest-contentful-paint-element"]["details"]["items"].as_array();
    let mut lcp_element = "(no element)".to_string();
    let mut lcp_phases = String::new();
    for table in lcp_details.into_iter().flatten() {
        for item in table["items"].as_array().into_iter().flatten() {
            if let Some(selector) = item["node"]["selector"].as_str() {
                let label =
                    item["node"]["nodeLabel"].as_str().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
                let label: String = label.chars().take(24).collect();
                lcp_element = format!("{selector} \"{label}...\"");
            }
            if let (Some(phase), Some(ms)) = (item["phase"].as_str(), item["timing"].as_f64()) {
                if !lcp_phases.is_empty() {
                    lcp_phases.push_str(", ");
                }
                let _ = write!(lcp_phases, "{phase} {ms:.0} ms");
            }
        }
    }
    Ok(Scores {
        route: route.to_string(),
        categories,
        fcp: numeric("first-contentful-paint"),
        lcp: numeric("largest-contentful-paint"),
        tbt: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        observed_fcp: metrics["observedFirstContentfulPaint"].as_f64(),
        observed_lcp: metrics["observedLargestContentfulPaint"].as_f64(),
        lcp_element,
        lcp_phases,
        benchmark_index: json["environment"]["benchmarkIndex"].as_f64(),
        warnings,
        failed,
    })
}

/// Part 4: the engine's divan benchmarks, natively.
fn engine_native(bench: &mut Bench) -> Result<(), String> {
    // --bench '*': every benchmark, and not the unit tests (which cargo bench lists as ignored).
    say("cargo bench -p engine --bench '*' (compiles the engine optimised, then times it)");
    let out = Command::new(tools::cargo())
        .current_dir(&bench.root)
        .args(["bench", "-p", "engine", "--bench", "*"])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start cargo bench: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        println!("    {line}");
    }
    if !out.status.success() {
        return Err(format!("cargo bench -p engine failed ({})", out.status));
    }
    for (row, name) in [(ENGINE_ROW, "estimate_with_resolved_parameters"), (ENGINE_PARSE_ROW, "parse_and_estimate")] {
        match divan_median(&text, name) {
            Some(ns) => {
                let verdict = against_max(ns, ENGINE_BUDGET_NS, show_ns);
                bench.summary.add(row, show_ns(ns), verdict);
            }
            None => println!("  could not read the median of {name} from divan's table"),
        }
    }
    Ok(())
}

/// The median column of one divan benchmark, in nanoseconds.
fn divan_median(table: &str, name: &str) -> Option<f64> {
    let line = table.lines().find(|l| l.split_whitespace().any(|w| w == name))?;
    let median = line.split('│').nth(2)?;
    parse_duration_ns(median)
}

fn parse_duration_ns(text: &str) -> Option<f64> {
    let mut words = text.split_whitespace();
    let value: f64 = words.next()?.parse().ok()?;
    let scale = match words.next()? {
        "ps" => 0.001,
        "ns" => 1.0,
        "µs" | "us" => 1_000.0,
        "ms" => 1_000_000.0,
        "s" => 1_000_000_000.0,
        _ => return None,
    };
    Some(value * scale)
}

fn show_ns(ns: f64) -> String {
    if ns >= 1_000_000.0 {
        format!("{:.2} ms", ns / 1_000_000.0)
    } else if ns >= 1_000.0 {
        format!("{:.2} us", ns / 1_000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Part 5: every `tests/bench/*.mjs`, against the served site; their `budget:` lines go to the
/// summary.
fn browser_scripts(bench: &mut Bench) -> Result<(), String> {
    let (base, chromium) = needs_browser(bench)?;
    let dir = bench.root.join("tests/bench");
    let scripts: Vec<PathBuf> = files_under(&dir)?
        .into_iter()
        .filter(|p| p.parent() == Some(dir.as_path()) && p.extension().is_some_and(|e| e == "mjs"))
        .collect();
    if scripts.is_empty() {
        println!("  tests/bench holds no .mjs script");
    }
    for script in scripts {
        let name = name_in(&bench.root, &script);
        println!("  -- node {name}");
        let out = Command::new("node")
            .current_dir(&bench.root)
            .arg(&script)
            .env("BASE_URL", &base)
            .env("CHROMIUM_PATH", &chromium)
            .stderr(Stdio::inherit())
            .output();
        let out = match out {
            Ok(out) => out,
            Err(e) => {
                println!("  FAILED: could not start node: {e}");
                continue;
            }
        };
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            println!("  {line}");
            if let Some(row) = line.strip_prefix("budget:") {
                let fields: Vec<&str> = row.split('|').map(str::trim).collect();
                if let [what, measured, limit, verdict] = fields[..] {
                    bench.summary.add(format!("{what} {limit}"), measured, verdict);
                }
            }
        }
        if !out.status.success() {
            println!("  {name} FAILED ({})", out.status);
        }
    }
    Ok(())
}

fn print_summary(summary: &Summary) {
    let width = |f: fn(&Row) -> &str, title: &str| {
        summary.rows.iter().map(|r| f(r).chars().count()).chain([title.chars().count()]).max().unwrap_or(0)
    };
    let (wb, wm) = (width(|r| &r.budget, "budget"), width(|r| &r.measured, "measured"));
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    println!("  {}  {}  result", pad("budget", wb), pad("measured", wm));
    println!("  {}  {}  {}", "-".repeat(wb), "-".repeat(wm), "-".repeat(24));
    for row in &summary.rows {
        println!("  {}  {}  {}", pad(&row.budget, wb), pad(&row.measured, wm), row.verdict);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_grouped_by_crate() {
        assert_eq!(crate_of("leptos::mount::hydrate_body::h0123"), "leptos");
        assert_eq!(crate_of("<alloc::string::String as core::fmt::Write>::write_str::h1"), "alloc");
        assert_eq!(crate_of("<T as core::any::Any>::type_id::h2"), "core");
        assert_eq!(crate_of("<&mut T as core::fmt::Debug>::fmt"), "core");
        assert_eq!(crate_of("data[3]"), "(data segments: strings, tables of constants)");
        assert_eq!(crate_of("code[12]"), "(functions without a name)");
        assert_eq!(crate_of("dlmalloc"), "(other)");
        assert_eq!(crate_of("app[28d20fb205926d33]::calculator::guided::f::{closure#3}"), "app");
        assert_eq!(crate_of("<_ as tachys[36c80ec3ac96728e]::view::any_view::IntoAny>::into_any"), "tachys");
        assert_eq!(crate_of("<policy[a88a9cfdfe328782]::policy::Policy>::builtin"), "policy");
        assert_eq!(crate_of("data segment \".rodata.31\""), "(data segments: strings, tables of constants)");
        assert_eq!(crate_of("\"function names\" subsection"), NOT_SHIPPED);
        assert_eq!(
            short_name("<either_of[72ee42406fe4164a]::EitherOf9<app[28d20fb205926d33]::home::Home>"),
            "<either_of::EitherOf9<app::home::Home>"
        );
        assert_eq!(short_name("data[3] x[1]"), "data[3] x[1]");
    }

    #[test]
    fn wasm_sections_are_read() {
        // A module with a 3-byte type section and a custom section "name" of 2 more bytes.
        let module = b"\0asm\x01\0\0\0\x01\x03\x01\x60\0\0\x07\x04name\x01\x02";
        let sections = sections_of(module).unwrap();
        assert_eq!(sections.get("type"), Some(&3));
        assert_eq!(sections.get("custom: name"), Some(&7));
        assert_eq!(sections_of(b"not wasm"), None);
        assert_eq!(sections_of(b"\0asm\x01\0\0\0\x0a\x09"), None, "a section longer than the file");
    }

    #[test]
    fn long_lists_are_wrapped() {
        let items: Vec<String> = ["/a 1 s", "/b 2 s", "/c 3 s"].map(String::from).into();
        assert_eq!(wrap(&items, 14), ["/a 1 s, /b 2 s,", "/c 3 s"]);
        assert_eq!(wrap_words("one two three", 8), ["one two", "three"]);
    }

    #[test]
    fn divan_medians_are_read() {
        let table = "estimate                              fastest       │ slowest       │ median        │ mean          │ samples │ iters
├─ estimate_resolving_parameters      1.2 µs        │ 20.5 µs       │ 1.4 µs        │ 1.6 µs        │ 100     │ 100
╰─ parse_and_estimate                 900 ns        │ 2 µs          │ 950.5 ns      │ 1 µs          │ 100     │ 100";
        assert_eq!(divan_median(table, "estimate_resolving_parameters"), Some(1400.0));
        assert_eq!(divan_median(table, "parse_and_estimate"), Some(950.5));
        assert_eq!(divan_median(table, "missing"), None);
    }

    #[test]
    fn routes_are_the_index_files() {
        let dist = std::env::temp_dir().join(format!("xtask-bench-routes-{}", std::process::id()));
        for file in ["index.html", "calculator/index.html", "documents/hunan/index.html", "404.html", "pkg/app.js"] {
            let path = dist.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let found = routes(&dist);
        let _ = std::fs::remove_dir_all(&dist);
        assert_eq!(found.unwrap(), ["/", "/calculator", "/documents/hunan"]);
    }
}
