//! The `estimate` tool on big inputs: an array is read, estimated and written one case at a
//! time, so memory stays under the bound engine/README.md states whatever the input.

mod common;

use common::{run_tool, worked};
use serde_json::Value;
use std::io::{self, BufWriter, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// engine/README.md: memory stays under 64 MB whatever the input. The tool runs with its
/// address space limited to that (`ulimit -v`), so an allocation past it fails and it aborts.
const MEMORY_LIMIT_KB: u64 = 64 * 1024;

const CASE: &str = r#"{"date":"2018-03-01","category":"dibao","disease":"gastric_cancer","age":56,"hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"}"#;

/// How much of each end of stdout is kept.
const KEEP: usize = 64 << 10;

/// What a run gave: stdout is counted and its ends kept, not all of it.
struct Run {
    status: ExitStatus,
    len: u64,
    /// Elements of the output array: lines that are `  {`, which only a top-level element's
    /// first line is.
    elements: u64,
    head: Vec<u8>,
    tail: Vec<u8>,
    stderr: String,
    took: Duration,
}

/// Runs the tool under [`MEMORY_LIMIT_KB`], `feed` writing its stdin from another thread.
fn run_limited(feed: impl FnOnce(&mut dyn Write) -> io::Result<()> + Send + 'static) -> Run {
    let start = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KB} && exec \"$0\""))
        .arg(env!("CARGO_BIN_EXE_estimate"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    let stdin = child.stdin.take().expect("stdin is piped");
    // A tool that stops early closes the pipe: what it wrote and its status tell why.
    let feeder = thread::spawn(move || {
        let mut w = BufWriter::new(stdin);
        let _ = feed(&mut w).and_then(|()| w.flush());
    });
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let errors = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut run = Run {
        status: ExitStatus::default(),
        len: 0,
        elements: 0,
        head: Vec::new(),
        tail: Vec::new(),
        stderr: String::new(),
        took: Duration::ZERO,
    };
    let mut buf = vec![0; 1 << 16];
    // The bytes of the current line so far, up to four.
    let mut line = [0u8; 4];
    let mut in_line = 0;
    loop {
        let n = stdout.read(&mut buf).expect("stdout can be read");
        if n == 0 {
            break;
        }
        let bytes = &buf[..n];
        run.len += n as u64;
        if run.head.len() < KEEP {
            run.head.extend_from_slice(&bytes[..n.min(KEEP - run.head.len())]);
        }
        run.tail.extend_from_slice(bytes);
        if run.tail.len() > 2 * KEEP {
            run.tail.drain(..run.tail.len() - KEEP);
        }
        for &b in bytes {
            if b == b'\n' {
                if in_line == 3 && line[..3] == *b"  {" {
                    run.elements += 1;
                }
                in_line = 0;
            } else {
                if in_line < line.len() {
                    line[in_line] = b;
                }
                in_line += 1;
            }
        }
    }
    run.status = child.wait().expect("the tool finishes");
    run.took = start.elapsed();
    feeder.join().expect("the input is written");
    run.stderr = errors.join().expect("stderr is read");
    run
}

/// `[CASE,CASE,…]`, `n` times, each case made by `case`.
fn array(
    n: usize,
    case: impl Fn(usize) -> String + Send + 'static,
) -> impl FnOnce(&mut dyn Write) -> io::Result<()> + Send {
    move |w| {
        w.write_all(b"[")?;
        for i in 0..n {
            if i > 0 {
                w.write_all(b",")?;
            }
            w.write_all(case(i).as_bytes())?;
        }
        w.write_all(b"]")
    }
}

/// The element an output array holds for what the tool writes alone as `single`.
fn element(single: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(single).expect("the tool writes UTF-8");
    text.trim_end_matches('\n').replace('\n', "\n  ").into_bytes()
}

/// Checks that `run` wrote `n` copies of `element` as an array.
fn assert_array_of(run: &Run, n: u64, element: &[u8]) {
    assert_eq!(run.elements, n);
    assert_eq!(run.len, n * (element.len() as u64 + 4) + 3, "[, then each element after a line break, then ]");
    assert!(run.head.starts_with(&[b"[\n  ", element].concat()));
    assert!(run.tail.ends_with(&[element, b"\n]\n"].concat()));
}

fn the_case_alone() -> Vec<u8> {
    let out = run_tool(CASE.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    out.stdout
}

#[test]
#[cfg_attr(debug_assertions, ignore = "a million cases take minutes in a debug build: cargo test --release")]
fn a_million_cases_stream_in_bounded_memory() {
    let run = run_limited(array(1_000_000, |_| CASE.to_owned()));
    assert_eq!(run.status.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_array_of(&run, 1_000_000, &element(&the_case_alone()));
    assert!(run.took < Duration::from_secs(120), "a million cases took {:?}", run.took);
}

#[test]
fn fifty_thousand_cases_each_on_another_day_stream_in_bounded_memory() {
    // Held whole, as the tool once held them, these take some 400 MB; a different day on
    // every case also makes 50,000 sets of parameters to resolve, some 150 MB if all kept.
    let day = |i: usize| format!("{:04}-{:02}-{:02}", 2018 + i / 336, i % 336 / 28 + 1, i % 28 + 1);
    let run = run_limited(array(50_000, move |i| CASE.replace("2018-03-01", &day(i))));
    assert_eq!(run.status.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.elements, 50_000);
    assert!(run.head.starts_with(&[b"[\n  ", &element(&the_case_alone())[..]].concat()));
    assert!(run.tail.ends_with(b"\n  }\n]\n"));
}

#[test]
fn ten_megabytes_of_zeros_give_one_error_each() {
    let n = 5 << 20;
    let run = run_limited(move |w| {
        w.write_all(b"[0")?;
        w.write_all(&b",0".repeat(n - 1))?;
        w.write_all(b"]")
    });
    assert_eq!(run.status.code(), Some(2), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let one = run_tool(b"[0]").stdout;
    let zero = one.strip_prefix(b"[\n  ").and_then(|e| e.strip_suffix(b"\n]\n")).expect("one element");
    assert!(std::str::from_utf8(zero).unwrap().contains("每个病例应为一个 JSON 对象"));
    assert_array_of(&run, n as u64, zero);
    assert!(run.took < Duration::from_secs(60), "took {:?}", run.took);
}

#[test]
fn an_unknown_key_of_ten_megabytes_is_shown_once_and_cut() {
    let key = "钥".repeat((10 << 20) / 3);
    let shown = format!("{}…", "钥".repeat(40));
    let feed_key = key.clone();
    let run = run_limited(move |w| write!(w, "{{\"{feed_key}\":1}}"));
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(run.len, 0);
    assert_eq!(run.stderr, format!("输入有误：不认识的字段“{shown}”\n"));

    // In an array, the element quotes it cut as well, and the next case is estimated.
    let run = run_limited(move |w| write!(w, "[{{\"{key}\":1}},{CASE}]"));
    assert_eq!(run.status.code(), Some(2), "{}", run.stderr);
    assert!(run.len < KEEP as u64);
    let v: Vec<Value> = serde_json::from_slice(&run.head).expect("stdout is JSON");
    assert_eq!(v[0]["error"], format!("不认识的字段“{shown}”"));
    assert_eq!(v[0]["field"], shown);
    assert_eq!(v[1]["patient_pays"], worked().patient_pays);
}

#[test]
fn a_case_above_sixteen_megabytes_is_an_error_in_its_place() {
    let run = run_limited(|w| {
        w.write_all(b"[{\"date\":\"")?;
        w.write_all(&b"2".repeat(20 << 20))?;
        write!(w, "\"}},{CASE}]")
    });
    assert_eq!(run.status.code(), Some(2), "{}", run.stderr);
    let v: Vec<Value> = serde_json::from_slice(&run.head).expect("stdout is JSON");
    assert_eq!(v[0]["error"], "这个病例太大：每个病例最多 16 MB，请检查输入");
    assert_eq!(v[0]["field"], "");
    assert_eq!(v[1]["patient_pays"], worked().patient_pays);
}

#[test]
fn an_array_is_laid_out_as_its_cases_alone() {
    let alone = element(&the_case_alone());
    let wrong = CASE.replace("\"50000\"", "\"-5\"");
    let out = run_tool(format!("[{CASE},\n {wrong} , {CASE}]").as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let error = "{\n    \"error\": \"住院总费用不能是负数\",\n    \"field\": \"total_cost\"\n  }".as_bytes();
    assert_eq!(out.stdout, [&b"[\n  "[..], &alone, b",\n  ", error, b",\n  ", &alone, b"\n]\n"].concat());
}

/// A patient with a thousand stays (the most one estimate takes), its case padded with blanks to
/// the 16 MB a case may have: each gives some 6 MB of output, still within the bound.
#[test]
fn patients_of_a_thousand_stays_stream_in_bounded_memory() {
    let stays: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                r#"{{"date":"{:04}-{:02}-{:02}","hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"}}"#,
                2018 + i / 336,
                i % 336 / 28 + 1,
                i % 28 + 1
            )
        })
        .collect();
    let patient = format!(r#"{{"category":"dibao","disease":"gastric_cancer","age":56,"stays":[{}]"#, stays.join(","));
    let padded = format!("{patient}{}}}", " ".repeat((16 << 20) - patient.len() - 1));
    assert_eq!(padded.len(), 16 << 20);
    let run = run_limited(move |w| write!(w, "[{padded},{padded},{CASE}]"));
    assert_eq!(run.status.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.elements, 3);
    assert!(run.len > 12 << 20, "two patients' stays written: {} bytes", run.len);
    assert!(run.tail.ends_with(&[&element(&the_case_alone())[..], b"\n]\n"].concat()));

    // A list of a million stays is refused without being held.
    let run = run_limited(|w| {
        w.write_all(br#"{"category":"dibao","disease":"gastric_cancer","age":56,"stays":[0"#)?;
        w.write_all(&b",0".repeat(5 << 20))?;
        w.write_all(b"]}")
    });
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(run.stderr, "输入有误（stays）：每位患者最多录入 1000 次住院\n");
}
