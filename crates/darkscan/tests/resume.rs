//! The resume cache of `reach` (issue 11: a long scan stopped with Ctrl-C is
//! continued by the next run, which reuses the finished masses and gives
//! identical bytes).

use darkscan::experiment::search::SearchPreset;
use darkscan::io::limits_csv;
use darkscan::reach::ReachOptions;
use darkscan::run_preset;

fn small() -> SearchPreset {
    match SearchPreset::load("na62-dump-mumu-2021").unwrap() {
        SearchPreset::BeamDump(mut p) => {
            p.events_per_channel = 2000;
            p.scan.n_couplings = 30;
            SearchPreset::BeamDump(p)
        }
        _ => unreachable!(),
    }
}

fn run(p: &SearchPreset, cache: Option<&std::path::Path>) -> String {
    let opts = ReachOptions {
        masses: Some(vec![0.25, 0.3, 0.4]),
        resume_file: cache.map(std::path::Path::to_path_buf),
        ..ReachOptions::default()
    };
    limits_csv(&run_preset("t", p, &opts, &|_| {}).unwrap())
}

#[test]
fn interrupted_scan_resumes_to_identical_bytes_and_reuses_finished_masses() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join(".darkscan-resume.jsonl");
    let p = small();
    let fresh = run(&p, None);
    assert_eq!(run(&p, Some(&cache)), fresh);
    // Simulate an interruption: keep the header and one finished mass, and
    // leave half a line behind.
    let text = std::fs::read_to_string(&cache).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "header + 3 masses");
    let cut = format!(
        "{}\n{}\n{}",
        lines[0],
        lines[1],
        &lines[2][..lines[2].len() / 2]
    );
    std::fs::write(&cache, cut).unwrap();
    assert_eq!(run(&p, Some(&cache)), fresh, "resumed bytes differ");
    assert_eq!(std::fs::read_to_string(&cache).unwrap().lines().count(), 4);

    // The finished masses are really reused: a cached mass whose limit is
    // edited by hand comes back edited.
    let text = std::fs::read_to_string(&cache).unwrap();
    let mut out = String::new();
    for (k, l) in text.lines().enumerate() {
        if k == 0 {
            out.push_str(l);
        } else {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if v["index"] == 0 {
                v["signal_upper_limit"] = serde_json::json!(7.0f64.to_bits());
            }
            out.push_str(&v.to_string());
        }
        out.push('\n');
    }
    std::fs::write(&cache, out).unwrap();
    let reused = run(&p, Some(&cache));
    assert_ne!(reused, fresh);
    assert!(reused.contains("7.000000e+00"), "{reused}");

    // Other inputs (more events): the stale cache is discarded.
    let other = match &p {
        SearchPreset::BeamDump(d) => {
            let mut d = d.clone();
            d.events_per_channel = 2500;
            SearchPreset::BeamDump(d)
        }
        _ => unreachable!(),
    };
    assert_eq!(run(&other, Some(&cache)), run(&other, None));
}
