//! Exclusion plots of a [`ReachResult`]: coupling versus mass on log–log
//! axes, the excluded region shaded and outlined.
//!
//! For every mass the excluded couplings are the intervals `[lo, hi]` of
//! [`MassLimit::excluded`]; an open interval (`hi = None`, a missing-energy
//! search) is drawn up to the top of the plot. The first intervals of
//! consecutive masses form one region, the second intervals another, and so
//! on, so a missing-energy search shows one region above a lower edge and a
//! beam dump an island between a lower and an upper edge.
//!
//! Text uses the bundled DejaVu Sans (registered on first use as
//! `sans-serif`), so rendering needs no system fonts. Plots are 800×600 px.

use crate::reach::{MassLimit, ReachResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, register_font};
use std::fs::{self, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

/// Plot size in pixels (width, height).
pub const SIZE: (u32, u32) = (800, 600);

/// The bundled font.
const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
/// Font family the plots ask for.
const FAMILY: &str = "sans-serif";
/// Fill and outline colour of the excluded region (matplotlib's C0 blue).
const EXCLUDED: RGBColor = RGBColor(31, 119, 180);
/// Note shown when nothing is excluded.
const NO_EXCLUSION: &str = "no exclusion in the scanned range";

/// A failure to render a plot.
#[derive(Debug, Error)]
pub enum PlotError {
    /// The bundled font could not be registered with plotters.
    #[error("cannot load the bundled plot font")]
    Font,
    /// The drawing backend failed (includes PNG encoding errors).
    #[error("drawing failed: {0}")]
    Draw(String),
    /// A temporary file for PNG rendering could not be created, read or
    /// removed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Converts a plotters error into a [`PlotError`].
fn draw_err<E: std::fmt::Display>(e: E) -> PlotError {
    PlotError::Draw(e.to_string())
}

/// Registers the bundled font once per process.
fn ensure_font() -> Result<(), PlotError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok { Ok(()) } else { Err(PlotError::Font) }
}

/// The exposure unit guessed from the preset name: `EOT` for NA64e-like
/// electron beams, `MOT` for muon beams, `POT` for proton beam dumps
/// (NA62, SHiP, HIKE), and `on target` otherwise.
fn exposure_unit(preset: &str) -> &'static str {
    // Proton dumps first: "na62-dump-mumu" names the final state, not the beam.
    let p = preset.to_ascii_lowercase();
    if ["na62", "ship", "hike", "proton", "dump"]
        .iter()
        .any(|k| p.contains(k))
    {
        "POT"
    } else if p.contains("na64e") || p.contains("electron") {
        "EOT"
    } else if p.contains("mu") {
        "MOT"
    } else {
        "on target"
    }
}

/// A compact number: `9.37e11`, `1e12`, `2.5e-5` (three significant digits,
/// trailing zeros dropped).
fn compact(x: f64) -> String {
    let s = format!("{x:.2e}");
    match s.split_once('e') {
        Some((m, e)) if m.contains('.') => {
            format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
        }
        _ => s,
    }
}

/// A number for a label: plain (`2.3`, `2.303`) between 1e-3 and 1e4,
/// else [`compact`].
fn short(x: f64) -> String {
    if (1e-3..1e4).contains(&x.abs()) {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        compact(x)
    }
}

/// Tick label on a log axis: `1e-5`, `2e-5`, `2.5e-3` (plotters' default
/// would print `9.999999999e-6`).
fn tick(x: f64) -> String {
    let s = format!("{x:.1e}");
    match s.split_once('e') {
        Some((m, e)) => format!("{}e{e}", m.trim_end_matches(".0")),
        None => s,
    }
}

/// Most labels on one axis.
const MAX_TICKS: usize = 10;

/// The values `m × 10^e` within `[lo, hi]` for the given mantissas.
fn log_points(lo: f64, hi: f64, mantissas: &[f64]) -> Vec<f64> {
    let (e0, e1) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    (e0..=e1)
        .flat_map(|e| mantissas.iter().map(move |&m| m * 10f64.powi(e)))
        .filter(|&v| v >= lo && v <= hi)
        .collect()
}

/// Labelled (bold) and light tick positions for a log axis over `[lo, hi]`:
/// powers of ten when at least three fit (thinned to at most
/// [`MAX_TICKS`]), else 1-2-5 or 1…9 times powers of ten, else three
/// log-spaced values. Plotters' own choice leaves narrow ranges unlabelled.
fn log_ticks(lo: f64, hi: f64) -> (Vec<f64>, Vec<f64>) {
    const ALL: [f64; 9] = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
    let decades = log_points(lo, hi, &[1.0]);
    if decades.len() >= 3 {
        let step = decades.len().div_ceil(MAX_TICKS);
        let bold = decades.iter().copied().step_by(step).collect();
        let light = if decades.len() <= 12 {
            log_points(lo, hi, &ALL)
        } else {
            decades
        };
        return (bold, light);
    }
    let light = log_points(lo, hi, &ALL);
    for mantissas in [&[1.0, 2.0, 5.0][..], &ALL[..]] {
        let bold = log_points(lo, hi, mantissas);
        if bold.len() >= 3 && bold.len() <= MAX_TICKS {
            return (bold, light);
        }
    }
    if (2..=MAX_TICKS).contains(&light.len()) {
        return (light.clone(), light);
    }
    let r = (hi / lo).powf(0.25);
    let bold = vec![lo * r, lo * r * r, lo * r * r * r];
    (bold.clone(), bold)
}

/// Most production channels drawn alone on a plot.
pub const MAX_CHANNEL_LINES: usize = 6;

/// The title used when none is given: preset and exposure, e.g.
/// `na64e-invisible — 9.37e11 EOT` (the preset alone when the result has
/// no exposure, e.g. a recast of published limits).
#[must_use]
pub fn default_title(r: &ReachResult) -> String {
    if r.exposure.is_nan() || r.exposure <= 0.0 {
        return r.preset.clone();
    }
    format!(
        "{} — {} {}",
        r.preset,
        compact(r.exposure),
        if r.meta.exposure_unit.is_empty() {
            exposure_unit(&r.preset)
        } else {
            &r.meta.exposure_unit
        }
    )
}

fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// One mass with its drawable intervals, sorted by lower edge.
struct Column {
    mass: f64,
    intervals: Vec<(f64, Option<f64>)>,
}

/// Drawable columns: positive finite masses and edges (log axes), `hi > lo`,
/// sorted by mass.
fn columns(limits: &[MassLimit]) -> Vec<Column> {
    let mut cols: Vec<Column> = limits
        .iter()
        .filter(|m| positive(m.mass))
        .map(|m| {
            let mut intervals: Vec<(f64, Option<f64>)> = m
                .excluded
                .iter()
                .copied()
                .filter(|&(lo, hi)| positive(lo) && hi.is_none_or(|h| positive(h) && h > lo))
                .collect();
            intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
            Column {
                mass: m.mass,
                intervals,
            }
        })
        .collect();
    cols.sort_by(|a, b| a.mass.total_cmp(&b.mass));
    cols
}

/// `[min, max]` of positive finite values, if any.
fn span(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|&v| positive(v))
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((a, b)) => Some((a.min(v), b.max(v))),
        })
}

/// Widens `[lo, hi]` on a log scale by `frac` of its decades on each side,
/// at least `min_dec` decades (and a factor 3 around a single value).
fn pad_log((lo, hi): (f64, f64), frac: f64, min_dec: f64) -> (f64, f64) {
    let (lo, hi) = if hi / lo < 1.0001 {
        (lo / 3.0, hi * 3.0)
    } else {
        (lo, hi)
    };
    let pad = (frac * (hi / lo).log10()).max(min_dec);
    let f = 10f64.powf(pad);
    (lo / f, hi * f)
}

/// The polygon of one excluded region: lower edges left to right, then upper
/// edges (or `top`) right to left. Each point carries whether it sits on the
/// plot top (an open interval).
type Outline = Vec<((f64, f64), bool)>;

/// One excluded interval at one mass.
type Point = (f64, f64, Option<f64>);

/// Whether two coupling intervals overlap (`None` = unbounded above).
fn overlap(a: Point, b: Point) -> bool {
    a.1 <= b.2.unwrap_or(f64::INFINITY) && b.1 <= a.2.unwrap_or(f64::INFINITY)
}

/// Matches the intervals of the next mass to the open chains (both sorted by
/// lower edge and disjoint): in order when the counts agree (same topology,
/// robust on coarse mass grids), else by overlap. Returns, per new interval,
/// the index of the chain it continues.
fn match_intervals(last: &[Point], next: &[Point]) -> Vec<Option<usize>> {
    if last.len() == next.len() {
        return (0..next.len()).map(Some).collect();
    }
    let mut out = vec![None; next.len()];
    let (mut i, mut k) = (0, 0);
    while i < last.len() && k < next.len() {
        if overlap(last[i], next[k]) {
            out[k] = Some(i);
            i += 1;
            k += 1;
        } else if last[i].2.unwrap_or(f64::INFINITY) < next[k].1 {
            i += 1;
        } else {
            k += 1;
        }
    }
    out
}

/// The outline of a chain of intervals over consecutive masses.
fn outline(chain: &[Point], top: f64) -> Outline {
    let mut poly: Outline = chain.iter().map(|&(m, lo, _)| ((m, lo), false)).collect();
    poly.extend(
        chain
            .iter()
            .rev()
            .map(|&(m, _, hi)| ((m, hi.unwrap_or(top).min(top)), hi.is_none())),
    );
    poly
}

/// The excluded regions: intervals of consecutive masses are chained when
/// they continue each other (see [`match_intervals`]); each chain is one
/// polygon.
fn regions(cols: &[Column], top: f64) -> Vec<Outline> {
    let mut done: Vec<Vec<Point>> = Vec::new();
    let mut open: Vec<Vec<Point>> = Vec::new();
    for c in cols {
        let next: Vec<Point> = c
            .intervals
            .iter()
            .map(|&(lo, hi)| (c.mass, lo, hi))
            .collect();
        let last: Vec<Point> = open.iter().map(|ch| ch[ch.len() - 1]).collect();
        let matches = match_intervals(&last, &next);
        let mut taken: Vec<Option<Vec<Point>>> = open.drain(..).map(Some).collect();
        for (p, m) in next.into_iter().zip(matches) {
            let mut chain = m.and_then(|i| taken[i].take()).unwrap_or_default();
            chain.push(p);
            open.push(chain);
        }
        done.extend(taken.into_iter().flatten());
    }
    done.extend(open);
    done.iter().map(|ch| outline(ch, top)).collect()
}

/// Boundary lines of an outline: its closed path without the segments that
/// run along the plot top (those are not edges of the exclusion).
fn boundary(poly: &Outline) -> Vec<Vec<(f64, f64)>> {
    let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    let n = poly.len();
    for i in 0..n {
        let (a, a_top) = poly[i];
        let (b, b_top) = poly[(i + 1) % n];
        if a_top && b_top {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if cur.is_empty() {
            cur.push(a);
        }
        cur.push(b);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Draws the whole plot onto `root`.
/// Colours of the per-channel outlines.
/// A published curve drawn over the exclusion for comparison (for example
/// a digitised contour): points (mass, coupling) in drawing order, in the
/// units of the result's plane.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceCurve {
    /// Legend text.
    pub label: String,
    /// (mass, coupling) points, joined in order.
    pub points: Vec<(f64, f64)>,
}

impl ReferenceCurve {
    /// Parses a two-column text file: one `mass coupling` pair per line,
    /// separated by spaces, tabs or a comma; blank lines and lines starting
    /// with `#` are skipped, except `# label: TEXT`, which sets the legend
    /// text (default: `default_label`). A closed contour is drawn closed if
    /// its last point repeats its first.
    ///
    /// # Errors
    /// A one-line message naming the first bad line, or saying that fewer
    /// than two points were found.
    pub fn parse(text: &str, default_label: &str) -> Result<Self, String> {
        let mut label = default_label.to_owned();
        let mut points = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(l) = comment.trim().strip_prefix("label:") {
                    label = l.trim().to_owned();
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|f| !f.is_empty())
                .collect();
            let pair = match fields.as_slice() {
                [a, b] => a.parse::<f64>().ok().zip(b.parse::<f64>().ok()),
                _ => None,
            };
            match pair {
                Some((m, g)) if m > 0.0 && g > 0.0 && m.is_finite() && g.is_finite() => {
                    points.push((m, g));
                }
                _ => {
                    return Err(format!(
                        "line {}: expected two positive numbers (mass, coupling), got '{line}'",
                        i + 1
                    ));
                }
            }
        }
        if points.len() < 2 {
            return Err("fewer than two (mass, coupling) points".into());
        }
        Ok(Self { label, points })
    }
}

/// Colour of reference curves (black, dashed by drawing every other segment).
const REFERENCE_COLOR: RGBColor = RGBColor(0, 0, 0);

/// A theory curve computed by darkscan and drawn over the exclusion (see
/// [`crate::overlays`]: relic targets, favoured bands), in the units of the
/// result's plane. Drawn solid, one colour each, on top of the exclusion
/// and the reference curves, and included in the axis ranges.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// A labelled line through (mass, coupling) points.
    Line {
        /// Legend text.
        label: String,
        /// (mass, coupling) points, joined in order.
        points: Vec<(f64, f64)>,
    },
    /// A labelled filled band between two lines over the same masses.
    Band {
        /// Legend text.
        label: String,
        /// Lower edge, (mass, coupling).
        lower: Vec<(f64, f64)>,
        /// Upper edge, (mass, coupling).
        upper: Vec<(f64, f64)>,
    },
}

impl Overlay {
    fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        type Points = [(f64, f64)];
        let (a, b): (&Points, &Points) = match self {
            Self::Line { points, .. } => (points, &[]),
            Self::Band { lower, upper, .. } => (lower, upper),
        };
        a.iter()
            .chain(b)
            .copied()
            .filter(|&(m, g)| positive(m) && positive(g))
    }
}

/// Colours of the overlays, in order (distinct from the channel outlines).
const OVERLAY_COLORS: [RGBColor; 5] = [
    RGBColor(227, 26, 28),
    RGBColor(51, 160, 44),
    RGBColor(106, 61, 154),
    RGBColor(255, 127, 0),
    RGBColor(177, 89, 40),
];

/// Draws the overlays (solid lines; bands filled with their edges).
fn draw_overlays<DB: DrawingBackend, CT: plotters::coord::CoordTranslate<From = (f64, f64)>>(
    chart: &mut ChartContext<'_, DB, CT>,
    overlays: &[Overlay],
) -> Result<(), PlotError> {
    let clean = |pts: &[(f64, f64)]| -> Vec<(f64, f64)> {
        pts.iter()
            .copied()
            .filter(|&(m, g)| positive(m) && positive(g))
            .collect()
    };
    for (k, o) in overlays.iter().enumerate() {
        let color = OVERLAY_COLORS[k % OVERLAY_COLORS.len()];
        match o {
            Overlay::Line { label, points } => {
                chart
                    .draw_series(LineSeries::new(clean(points), color.stroke_width(2)))
                    .map_err(draw_err)?
                    .label(label.clone())
                    .legend(move |(x, y)| {
                        PathElement::new([(x, y), (x + 18, y)], color.stroke_width(2))
                    });
            }
            Overlay::Band {
                label,
                lower,
                upper,
            } => {
                let (lower, upper) = (clean(lower), clean(upper));
                let mut poly = lower.clone();
                poly.extend(upper.iter().rev());
                chart
                    .draw_series(std::iter::once(Polygon::new(
                        poly,
                        color.mix(0.25).filled(),
                    )))
                    .map_err(draw_err)?
                    .label(label.clone())
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 6), (x + 18, y + 6)], color.mix(0.25).filled())
                    });
                for edge in [lower, upper] {
                    chart
                        .draw_series(LineSeries::new(edge, color.stroke_width(1)))
                        .map_err(draw_err)?;
                }
            }
        }
    }
    Ok(())
}

const CHANNEL_COLORS: [RGBColor; 6] = [
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(23, 190, 207),
];

/// Excluded intervals of production channel `k` alone, from its signal
/// grid (log–log interpolation between grid couplings).
fn channel_limits(r: &ReachResult, k: usize) -> Vec<MassLimit> {
    let g = &r.grid.couplings;
    r.grid
        .masses
        .iter()
        .zip(&r.channels[k].1)
        .zip(&r.limits)
        .map(|((&mass, row), total)| {
            let signal = |c: f64| {
                let j = g.partition_point(|&x| x <= c).clamp(1, g.len() - 1);
                let (a, b) = (row[j - 1], row[j]);
                if a <= 0.0 || b <= 0.0 {
                    return if c <= g[j - 1] { a } else { b };
                }
                let t = (c.ln() - g[j - 1].ln()) / (g[j].ln() - g[j - 1].ln());
                (a.ln() + t * (b.ln() - a.ln())).exp()
            };
            let n_ul = total.signal_upper_limit;
            MassLimit {
                mass,
                excluded: crate::reach::excluded_intervals(g, signal, n_ul),
                signal_upper_limit: n_ul,
            }
        })
        .collect()
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &ReachResult,
    title: &str,
    references: &[ReferenceCurve],
    overlays: &[Overlay],
) -> Result<(), PlotError> {
    let title = if title.is_empty() {
        default_title(r)
    } else {
        title.to_owned()
    };
    let cols = columns(&r.limits);
    let reference_points = || {
        references
            .iter()
            .flat_map(|c| c.points.iter().copied())
            .chain(overlays.iter().flat_map(Overlay::points))
    };
    let edges = cols
        .iter()
        .flat_map(|c| {
            c.intervals
                .iter()
                .flat_map(|&(lo, hi)| std::iter::once(lo).chain(hi))
        })
        .chain(reference_points().map(|p| p.1));
    let y_data = span(edges);
    let x_data = span(
        cols.iter()
            .map(|c| c.mass)
            .chain(reference_points().map(|p| p.0)),
    )
    .or_else(|| span(r.grid.masses.iter().copied()))
    .unwrap_or((1e-3, 1.0));
    let y_range = y_data
        .or_else(|| span(r.grid.couplings.iter().copied()))
        .unwrap_or((1e-6, 1e-2));
    let (x0, x1) = pad_log(x_data, 0.04, 0.05);
    let (y0, y1) = pad_log(y_range, 0.08, 0.3);

    let (xb, xl) = log_ticks(x0, x1);
    let (yb, yl) = log_ticks(y0, y1);

    root.fill(&WHITE).map_err(draw_err)?;
    let mut chart = ChartBuilder::on(root)
        .caption(&title, (FAMILY, 24))
        .margin(16)
        .x_label_area_size(52)
        .y_label_area_size(78)
        .build_cartesian_2d(
            (x0..x1)
                .log_scale()
                .with_key_points(xb)
                .with_light_points(xl),
            (y0..y1)
                .log_scale()
                .with_key_points(yb)
                .with_light_points(yl),
        )
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .x_desc(r.mass_label())
        .y_desc(r.coupling_label())
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
        .label_style((FAMILY, 15))
        .axis_desc_style((FAMILY, 18))
        .bold_line_style(BLACK.mix(0.12))
        .light_line_style(BLACK.mix(0.04))
        .draw()
        .map_err(draw_err)?;

    let polys = regions(&cols, y1);
    if polys.is_empty() {
        let centre = ((x0 * x1).sqrt(), (y0 * y1).sqrt());
        let grey = BLACK.mix(0.6);
        let style = TextStyle::from((FAMILY, 20).into_font())
            .color(&grey)
            .pos(Pos::new(HPos::Center, VPos::Center));
        chart
            .draw_series(std::iter::once(Text::new(NO_EXCLUSION, centre, style)))
            .map_err(draw_err)?;
        if !overlays.is_empty() {
            draw_overlays(&mut chart, overlays)?;
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .label_font((FAMILY, 15))
                .draw()
                .map_err(draw_err)?;
        }
    } else {
        chart
            .draw_series(polys.iter().map(|p| {
                Polygon::new(
                    p.iter().map(|&(pt, _)| pt).collect::<Vec<_>>(),
                    EXCLUDED.mix(0.3).filled(),
                )
            }))
            .map_err(draw_err)?
            .label(format!(
                "{}: excluded (N_sig > {})",
                r.model,
                short(r.signal_upper_limit)
            ))
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 6), (x + 18, y + 6)], EXCLUDED.mix(0.3).filled())
            });
        for line in polys.iter().flat_map(boundary) {
            chart
                .draw_series(LineSeries::new(line, EXCLUDED.stroke_width(2)))
                .map_err(draw_err)?;
        }
        // Each production channel alone, as a thin outline — only up to
        // MAX_CHANNEL_LINES channels (a dozen heavy-meson sources would
        // hide the result; yields_by_channel.csv has them all).
        let channels = if r.channels.len() <= MAX_CHANNEL_LINES {
            &r.channels[..]
        } else {
            &[]
        };
        for (k, (name, _)) in channels.iter().enumerate() {
            let color = CHANNEL_COLORS[k % CHANNEL_COLORS.len()];
            let cols = columns(&channel_limits(r, k));
            let lines: Vec<_> = regions(&cols, y1).iter().flat_map(boundary).collect();
            for (i, line) in lines.into_iter().enumerate() {
                let series = chart
                    .draw_series(LineSeries::new(line, color.stroke_width(1)))
                    .map_err(draw_err)?;
                if i == 0 {
                    series.label(format!("{name} alone")).legend(move |(x, y)| {
                        PathElement::new([(x, y), (x + 18, y)], color.stroke_width(2))
                    });
                }
            }
        }
        for c in references {
            // Dashed: every other short segment of the densified polyline.
            let dashes = dashed(&c.points, 60);
            for (i, seg) in dashes.into_iter().enumerate() {
                let series = chart
                    .draw_series(LineSeries::new(seg, REFERENCE_COLOR.stroke_width(2)))
                    .map_err(draw_err)?;
                if i == 0 {
                    series.label(c.label.clone()).legend(|(x, y)| {
                        PathElement::new([(x, y), (x + 7, y)], REFERENCE_COLOR.stroke_width(2))
                    });
                }
            }
        }
        draw_overlays(&mut chart, overlays)?;
        chart
            .configure_series_labels()
            // Missing-energy exclusions fill the top; beam-dump islands leave it free.
            .position(
                if r.limits
                    .iter()
                    .any(|l| l.excluded.iter().any(|iv| iv.1.is_none()))
                {
                    SeriesLabelPosition::LowerRight
                } else {
                    SeriesLabelPosition::UpperRight
                },
            )
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font((FAMILY, 15))
            .draw()
            .map_err(draw_err)?;
    }
    root.present().map_err(draw_err)
}

/// Splits a polyline into dash segments: each edge is cut in log space into
/// pieces about 1/`per_decade` of a decade long, and every other piece is
/// kept.
fn dashed(points: &[(f64, f64)], per_decade: usize) -> Vec<Vec<(f64, f64)>> {
    let mut pieces = Vec::new();
    let mut on = true;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (lx, ly) = ((b.0 / a.0).log10(), (b.1 / a.1).log10());
        let n = ((lx.hypot(ly) * per_decade as f64).ceil() as usize).max(1);
        for k in 0..n {
            let at = |t: f64| (a.0 * 10f64.powf(lx * t), a.1 * 10f64.powf(ly * t));
            if on {
                pieces.push(vec![at(k as f64 / n as f64), at((k + 1) as f64 / n as f64)]);
            }
            on = !on;
        }
    }
    pieces
}

/// Renders the exclusion plot as an SVG document. An empty `title` means
/// [`default_title`]. A result without any exclusion gives axes with a note.
///
/// # Errors
/// [`PlotError::Font`] if the bundled font cannot be loaded,
/// [`PlotError::Draw`] if drawing fails.
pub fn render_svg(r: &ReachResult, title: &str) -> Result<String, PlotError> {
    render_svg_with(r, title, &[])
}

/// [`render_svg`] with published curves drawn over the exclusion.
///
/// # Errors
/// As [`render_svg`].
pub fn render_svg_with(
    r: &ReachResult,
    title: &str,
    references: &[ReferenceCurve],
) -> Result<String, PlotError> {
    render_svg_with_overlays(r, title, references, &[])
}

/// [`render_svg_with`] with darkscan's theory curves ([`Overlay`]) drawn
/// over the exclusion as well.
///
/// # Errors
/// As [`render_svg`].
pub fn render_svg_with_overlays(
    r: &ReachResult,
    title: &str,
    references: &[ReferenceCurve],
    overlays: &[Overlay],
) -> Result<String, PlotError> {
    ensure_font()?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw(&root, r, title, references, overlays)?;
    }
    Ok(svg)
}

/// Renders the exclusion plot as a PNG file at `path` (which should end in
/// `.png`: the encoder picks the format from the extension). The file is
/// written directly; use [`crate::io::write_atomic_with`] for an atomic
/// write.
///
/// # Errors
/// As [`render_svg`]; PNG encoding and file errors are [`PlotError::Draw`].
pub fn render_png_to(r: &ReachResult, title: &str, path: &Path) -> Result<(), PlotError> {
    render_png_to_with(r, title, &[], path)
}

/// [`render_png_to`] with published curves drawn over the exclusion.
///
/// # Errors
/// As [`render_png_to`].
pub fn render_png_to_with(
    r: &ReachResult,
    title: &str,
    references: &[ReferenceCurve],
    path: &Path,
) -> Result<(), PlotError> {
    render_png_to_with_overlays(r, title, references, &[], path)
}

/// [`render_png_to_with`] with darkscan's theory curves ([`Overlay`]) drawn
/// over the exclusion as well.
///
/// # Errors
/// As [`render_png_to`].
pub fn render_png_to_with_overlays(
    r: &ReachResult,
    title: &str,
    references: &[ReferenceCurve],
    overlays: &[Overlay],
    path: &Path,
) -> Result<(), PlotError> {
    ensure_font()?;
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    draw(&root, r, title, references, overlays)
}

/// Renders the exclusion plot as PNG bytes. The encoder of plotters writes
/// only to files, so this renders into a uniquely named temporary file in
/// [`std::env::temp_dir`], reads it back and removes it.
///
/// # Errors
/// As [`render_png_to`]; [`PlotError::Io`] if the temporary file cannot be
/// created or read.
pub fn render_png(r: &ReachResult, title: &str) -> Result<Vec<u8>, PlotError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir();
    let pid = std::process::id();
    let tmp = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = dir.join(format!("darkscan-plot-{pid}-{n}.png"));
        match OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(_) => break p,
            Err(e) if e.kind() == ErrorKind::AlreadyExists && n < u64::from(u16::MAX) => {}
            Err(source) => return Err(PlotError::Io { path: p, source }),
        }
    };
    let result = render_png_to(r, title, &tmp).and_then(|()| {
        fs::read(&tmp).map_err(|source| PlotError::Io {
            path: tmp.clone(),
            source,
        })
    });
    let _ = fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(tick(9.999_999_999e-6), "1e-5");
        assert_eq!(tick(2e-3), "2e-3");
        assert_eq!(tick(2.5e-3), "2.5e-3");
        assert_eq!(tick(1.0), "1e0");
    }

    #[test]
    fn ticks_label_narrow_and_wide_ranges() {
        let (bold, _) = log_ticks(1e-8, 1e-2);
        assert_eq!(bold.len(), 7);
        let (bold, _) = log_ticks(1e-30, 1.0);
        assert!(bold.len() <= MAX_TICKS && bold.len() >= 3);
        // No power of ten inside: 1-2-5 or 1…9 multiples.
        let (bold, light) = log_ticks(0.018, 0.06);
        assert_eq!(
            bold.iter().map(|&v| tick(v)).collect::<Vec<_>>(),
            ["2e-2", "3e-2", "4e-2", "5e-2", "6e-2"]
        );
        assert!(light.len() >= bold.len());
        let (bold, _) = log_ticks(2.1e-3, 2.6e-3);
        assert_eq!(bold.len(), 3);
    }

    #[test]
    fn compact_numbers() {
        assert_eq!(compact(9.37e11), "9.37e11");
        assert_eq!(compact(1e12), "1e12");
        assert_eq!(compact(2.3), "2.3e0");
        assert_eq!(short(2.3), "2.3");
        assert_eq!(short(2.30414), "2.304");
        assert_eq!(short(1e5), "1e5");
    }

    #[test]
    fn exposure_units() {
        assert_eq!(exposure_unit("na64e-invisible"), "EOT");
        assert_eq!(exposure_unit("na64mu"), "MOT");
        assert_eq!(exposure_unit("na62-dump"), "POT");
        assert_eq!(exposure_unit("na62-dump-mumu-2021"), "POT");
        assert_eq!(exposure_unit("custom.toml"), "on target");
    }

    fn col(mass: f64, intervals: &[(f64, Option<f64>)]) -> Column {
        Column {
            mass,
            intervals: intervals.to_vec(),
        }
    }

    #[test]
    fn regions_follow_continuing_intervals() {
        // An open exclusion everywhere, an island appearing at the second mass.
        let cols = [
            col(1.0, &[(1e-5, None)]),
            col(2.0, &[(1e-7, Some(1e-6)), (2e-5, None)]),
            col(3.0, &[(2e-7, Some(8e-7)), (3e-5, None)]),
            col(4.0, &[(4e-5, None)]),
        ];
        let regions = regions(&cols, 1.0);
        assert_eq!(regions.len(), 2);
        let lower = |p: &Outline| {
            p[..p.len() / 2]
                .iter()
                .map(|&((_, y), _)| y)
                .collect::<Vec<_>>()
        };
        let (island, open): (Vec<_>, Vec<_>) = regions.iter().partition(|p| p.len() == 4);
        assert_eq!(lower(island[0]), [1e-7, 2e-7]);
        assert_eq!(lower(open[0]), [1e-5, 2e-5, 3e-5, 4e-5]);
        assert!(open[0][4..].iter().all(|&(_, top)| top));
    }

    #[test]
    fn boundary_skips_the_plot_top() {
        // Open region over two masses: lower edge, right side, (top skipped), left side.
        let poly: Outline = vec![
            ((1.0, 1e-4), false),
            ((2.0, 2e-4), false),
            ((2.0, 1.0), true),
            ((1.0, 1.0), true),
        ];
        let lines = boundary(&poly);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], vec![(1.0, 1e-4), (2.0, 2e-4), (2.0, 1.0)]);
        assert_eq!(lines[1], vec![(1.0, 1.0), (1.0, 1e-4)]);
    }
}
