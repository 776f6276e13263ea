//! Text outputs of a reach run (CSV tables, a HEPData record) and
//! [`write_reach_outputs`], which writes them together with the plots.

use super::{IoError, write_atomic, write_atomic_with};
use crate::plot;
use crate::reach::{MassLimit, ReachResult};
use crate::stats::DEFAULT_CL;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// File names written by [`write_reach_outputs`], in the order returned.
pub const OUTPUT_FILES: [&str; 5] = [
    "limits.csv",
    "limits.yaml",
    "yields.csv",
    "reach.svg",
    "reach.png",
];

/// Formats a number as `d.dddddde±XX` (seven significant digits, explicit
/// exponent sign and at least two exponent digits, like C's `%.6e`). Unlike
/// Rust's `{:e}` (`1e3`), this is read as a float by YAML 1.1 parsers too.
/// Non-finite values give `nan`, `inf` and `-inf`.
#[must_use]
pub fn sci(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let s = format!("{x:.6e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// One line of free text, safe inside a `#` comment.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// The `# key: value` header shared by the CSV files. Masses whose signal
/// upper limit differs from the global one (an observed event in their mass
/// window) are listed on one extra line.
fn csv_header(r: &ReachResult) -> String {
    let mut h = format!(
        "# darkscan reach\n# preset: {}\n# model: {}\n# plane: {}\n# exposure: {}\n# signal_upper_limit: {}\n",
        one_line(&r.preset),
        one_line(&r.model),
        r.plane.name(),
        sci(r.exposure),
        sci(r.signal_upper_limit),
    );
    let differing: Vec<String> = r
        .limits
        .iter()
        .filter(|l| l.signal_upper_limit != r.signal_upper_limit)
        .map(|l| format!("{}={}", sci(l.mass), sci(l.signal_upper_limit)))
        .collect();
    if !differing.is_empty() {
        h.push_str(&format!(
            "# signal_upper_limit_by_mass: {}\n",
            differing.join(" ")
        ));
    }
    h
}

/// The excluded intervals of one mass, sorted by lower edge.
fn sorted_intervals(m: &MassLimit) -> Vec<(f64, Option<f64>)> {
    let mut v = m.excluded.clone();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

/// The excluded intervals as CSV.
///
/// A `# key: value` header (preset, model, plane, exposure,
/// signal_upper_limit) is followed by the columns `mass_gev,lower,upper`,
/// one row per excluded interval (sorted by lower edge) in the order of
/// `r.limits`. `upper` is empty when the exclusion extends beyond the
/// scanned couplings; a mass without exclusion has one row with `lower` and
/// `upper` empty. Read it with e.g. `pandas.read_csv(f, comment="#")`.
#[must_use]
pub fn limits_csv(r: &ReachResult) -> String {
    let mut out = csv_header(r);
    out.push_str("mass_gev,lower,upper\n");
    for m in &r.limits {
        let mass = sci(m.mass);
        let intervals = sorted_intervals(m);
        if intervals.is_empty() {
            let _ = writeln!(out, "{mass},,");
        }
        for (lo, hi) in intervals {
            let hi = hi.map(sci).unwrap_or_default();
            let _ = writeln!(out, "{mass},{},{hi}", sci(lo));
        }
    }
    out
}

/// The expected signal on the whole grid as long-format CSV: the header of
/// [`limits_csv`], then `mass_gev,coupling,signal`, one row per grid point,
/// masses outer and couplings inner. Points missing from a ragged
/// `signal` array are skipped.
#[must_use]
pub fn yields_csv(r: &ReachResult) -> String {
    let g = &r.grid;
    let mut out = csv_header(r);
    out.push_str("mass_gev,coupling,signal\n");
    for (mass, row) in g.masses.iter().zip(&g.signal) {
        let mass = sci(*mass);
        for (c, s) in g.couplings.iter().zip(row) {
            let _ = writeln!(out, "{mass},{},{}", sci(*c), sci(*s));
        }
    }
    out
}

/// A YAML single-quoted scalar (`'` doubled inside).
fn quote(s: &str) -> String {
    format!("'{}'", one_line(s).replace('\'', "''"))
}

/// A YAML value: a float, or `'-'` (HEPData's marker for a missing point)
/// when absent or not finite.
fn yaml_value(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => sci(v),
        _ => "'-'".into(),
    }
}

/// [`hepdata_yaml_with_cl`] at the confidence level the result records
/// (`meta.cl`), or [`DEFAULT_CL`] (90 %) when it records none.
#[must_use]
pub fn hepdata_yaml(r: &ReachResult) -> String {
    hepdata_yaml_with_cl(r, r.meta.cl.unwrap_or(DEFAULT_CL))
}

/// The exclusion as a HEPData data table (YAML, one table of a submission):
///
/// - one independent variable, the mass (`units: GEV`), one value per entry
///   of `r.limits`;
/// - two dependent variables per excluded interval, `'<coupling> lower edge'`
///   and `'<coupling> upper edge'` of the first interval at each mass
///   (intervals sorted by lower edge), then of the second, … as far as any
///   mass has that many. Missing values (no such interval, or an exclusion
///   extending beyond the scanned couplings) are `'-'`.
///
/// Every dependent variable carries the qualifiers `CL` (`cl` as a
/// percentage), `Preset`, `Model`, `Exposure`, `Signal upper limit` and, when
/// there is more than one interval, `Excluded interval` (1, 2, …).
#[must_use]
pub fn hepdata_yaml_with_cl(r: &ReachResult, cl: f64) -> String {
    let coupling = r.coupling_name();
    let mass_name = r
        .mass_label()
        .trim_end_matches("[GeV]")
        .trim_end()
        .to_owned();
    let intervals: Vec<Vec<(f64, Option<f64>)>> = r.limits.iter().map(sorted_intervals).collect();
    let n_intervals = intervals.iter().map(Vec::len).max().unwrap_or(0).max(1);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# darkscan reach: preset {}, model {}, plane {}",
        one_line(&r.preset),
        one_line(&r.model),
        coupling
    );
    out.push_str("independent_variables:\n");
    let _ = writeln!(out, "- header: {{name: {}, units: GEV}}", quote(&mass_name));
    if r.limits.is_empty() {
        out.push_str("  values: []\n");
    } else {
        out.push_str("  values:\n");
        for m in &r.limits {
            let _ = writeln!(out, "  - {{value: {}}}", yaml_value(Some(m.mass)));
        }
    }
    out.push_str("dependent_variables:\n");
    let cl_pct = format!("{}%", trim_float(cl * 100.0));
    for k in 0..n_intervals {
        for (edge, upper) in [("lower", false), ("upper", true)] {
            let _ = writeln!(
                out,
                "- header: {{name: {}}}",
                quote(&format!("{coupling} {edge} edge"))
            );
            out.push_str("  qualifiers:\n");
            let _ = writeln!(out, "  - {{name: CL, value: {}}}", quote(&cl_pct));
            let _ = writeln!(out, "  - {{name: Preset, value: {}}}", quote(&r.preset));
            let _ = writeln!(out, "  - {{name: Model, value: {}}}", quote(&r.model));
            let _ = writeln!(
                out,
                "  - {{name: Exposure, value: {}}}",
                yaml_value(Some(r.exposure))
            );
            let _ = writeln!(
                out,
                "  - {{name: Signal upper limit, value: {}}}",
                yaml_value(Some(r.signal_upper_limit))
            );
            if n_intervals > 1 {
                let _ = writeln!(out, "  - {{name: Excluded interval, value: {}}}", k + 1);
            }
            if intervals.is_empty() {
                out.push_str("  values: []\n");
                continue;
            }
            out.push_str("  values:\n");
            for iv in &intervals {
                let v = iv
                    .get(k)
                    .and_then(|&(lo, hi)| if upper { hi } else { Some(lo) });
                let _ = writeln!(out, "  - {{value: {}}}", yaml_value(v));
            }
        }
    }
    out
}

/// A short decimal rendering (`90`, `95.5`).
fn trim_float(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Writes every output of a reach run into `dir` (created if needed):
/// `limits.csv` ([`limits_csv`]), `limits.yaml` ([`hepdata_yaml`]),
/// `yields.csv` ([`yields_csv`]), `reach.svg` and `reach.png` (the exclusion
/// plot titled `title`, or [`plot::default_title`] when `title` is empty).
///
/// Each file is written atomically, so an interrupted run leaves complete
/// files (old or new) and no temporaries. Returns the paths written, in the
/// order of [`OUTPUT_FILES`].
///
/// # Errors
/// [`IoError::CreateDir`] if `dir` cannot be created; [`IoError::Plot`] if a
/// plot fails to render; [`IoError::Write`] or [`IoError::Rename`] if a file
/// cannot be written. Files written before the failure are kept.
pub fn write_reach_outputs(
    r: &ReachResult,
    dir: &Path,
    title: &str,
) -> Result<Vec<PathBuf>, IoError> {
    write_reach_outputs_with(r, dir, title, &[])
}

/// [`write_reach_outputs`] with published curves drawn over the exclusion
/// in `reach.svg` and `reach.png`.
///
/// # Errors
/// As [`write_reach_outputs`].
pub fn write_reach_outputs_with(
    r: &ReachResult,
    dir: &Path,
    title: &str,
    references: &[plot::ReferenceCurve],
) -> Result<Vec<PathBuf>, IoError> {
    write_reach_outputs_with_overlays(r, dir, title, references, &[])
}

/// [`write_reach_outputs_with`] with darkscan's theory curves
/// ([`plot::Overlay`], e.g. from [`crate::overlays`]) drawn in the plots too.
///
/// # Errors
/// As [`write_reach_outputs`].
pub fn write_reach_outputs_with_overlays(
    r: &ReachResult,
    dir: &Path,
    title: &str,
    references: &[plot::ReferenceCurve],
    overlays: &[plot::Overlay],
) -> Result<Vec<PathBuf>, IoError> {
    fs::create_dir_all(dir).map_err(|source| IoError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let paths: Vec<PathBuf> = OUTPUT_FILES.iter().map(|f| dir.join(f)).collect();

    write_atomic(&paths[0], limits_csv(r).as_bytes())?;
    write_atomic(&paths[1], hepdata_yaml(r).as_bytes())?;
    write_atomic(&paths[2], yields_csv(r).as_bytes())?;

    let svg = plot::render_svg_with_overlays(r, title, references, overlays).map_err(|source| {
        IoError::Plot {
            path: paths[3].clone(),
            source,
        }
    })?;
    write_atomic(&paths[3], svg.as_bytes())?;

    // The PNG encoder writes to a path: render straight into the temporary.
    let png = &paths[4];
    write_atomic_with(png, |tmp| {
        plot::render_png_to_with_overlays(r, title, references, overlays, tmp).map_err(|source| {
            IoError::Plot {
                path: png.clone(),
                source,
            }
        })
    })?;
    let mut paths = paths;
    if !r.channels.is_empty() {
        let p = dir.join("yields_by_channel.csv");
        write_atomic(&p, yields_by_channel_csv(r).as_bytes())?;
        paths.push(p);
    }
    Ok(paths)
}

/// Expected signal per production channel, long format
/// `mass_gev,coupling,channel,signal` (beam dumps; empty grid otherwise).
#[must_use]
pub fn yields_by_channel_csv(r: &ReachResult) -> String {
    let mut out = String::from("# darkscan reach: expected signal per production channel\n");
    out.push_str(&format!(
        "# preset: {}\n# exposure: {}\n",
        r.preset,
        sci(r.exposure)
    ));
    out.push_str("mass_gev,coupling,channel,signal\n");
    for (name, grid) in &r.channels {
        for (m, row) in r.grid.masses.iter().zip(grid) {
            for (g, v) in r.grid.couplings.iter().zip(row) {
                out.push_str(&format!("{},{},{name},{}\n", sci(*m), sci(*g), sci(*v)));
            }
        }
    }
    out
}
