//! Every shipped preset runs and gives finite, physical numbers: a stress
//! test over the default grids (issue 9: "no NaN anywhere in a scan").
//!
//! Kaon-mode presets run their whole published-limit tables. The others run
//! five masses spread over their default mass range (first, last and three
//! log-spaced inside), with their full default coupling grid and sampling, so
//! the test stays within seconds for the NA62 dump presets in a debug build.
//! Asserted for each: the run succeeds; every signal in the yield grid is
//! finite and ≥ 0; every signal upper limit is finite and > 0; every
//! excluded interval has a finite positive lower edge below its upper edge
//! (when closed); the result names its coupling, mass axis and exposure unit.

use darkscan::experiment::preset_names;
use darkscan::experiment::search::SearchPreset;
use darkscan::reach::{ReachOptions, log_space};
use darkscan::run_preset;

#[test]
fn every_shipped_preset_gives_finite_results() {
    let names = preset_names();
    assert!(names.len() >= 17, "{names:?}");
    for name in names {
        let preset = SearchPreset::load(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let masses = preset.scan().map(|s| {
            let grid = log_space(s.mass_min_gev, s.mass_max_gev, 5);
            assert!(grid.iter().all(|m| m.is_finite() && *m > 0.0), "{name}");
            grid
        });
        let opts = ReachOptions {
            masses,
            ..ReachOptions::default()
        };
        let r = run_preset(name, &preset, &opts, &|_| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!r.limits.is_empty(), "{name}: no masses");
        for row in &r.grid.signal {
            for &s in row {
                assert!(s.is_finite() && s >= 0.0, "{name}: signal {s}");
            }
        }
        for l in &r.limits {
            assert!(
                l.mass.is_finite() && l.mass > 0.0,
                "{name}: mass {}",
                l.mass
            );
            assert!(
                l.signal_upper_limit.is_finite() && l.signal_upper_limit > 0.0,
                "{name}: N_UL {}",
                l.signal_upper_limit
            );
            for &(lo, hi) in &l.excluded {
                assert!(
                    lo.is_finite() && lo > 0.0,
                    "{name} at {}: lower {lo}",
                    l.mass
                );
                if let Some(hi) = hi {
                    assert!(
                        hi.is_finite() && hi > lo,
                        "{name} at {}: {lo}..{hi}",
                        l.mass
                    );
                }
            }
        }
        assert!(
            !r.meta.coupling.is_empty() && !r.meta.coupling_label.is_empty(),
            "{name}"
        );
        assert!(
            !r.meta.mass_label.is_empty() && !r.meta.exposure_unit.is_empty(),
            "{name}"
        );
    }
}
