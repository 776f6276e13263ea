//! The binned (log₁₀ p, log₁₀ θ) spectra shared by the parent tables
//! ([`super::spectra`] for light mesons, [`super::heavy_flavour`] for charm,
//! beauty and J/ψ): the row format of the CSV files, and sampling and moments
//! of one species' spectrum.
//!
//! Both tables are written by `tools/meson_spectra/` with the same binning:
//! log₁₀(p/GeV) bins of width log₁₀(4000)/40 ≈ 0.090 and log₁₀(θ/rad) bins of
//! width 0.125 up to θ = π, plus one small-angle bin θ < 10⁻⁵ rad written with
//! `log10theta_lo = -inf`. Within a bin momenta are log-uniform and angles
//! log-uniform, except in the small-angle bin where θ² is uniform (a flat
//! dN/dΩ, as at θ → 0).

use crate::numeric::rng::Rng;
use std::f64::consts::{LN_10, PI};

/// One (log p, log θ) bin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bin {
    pub log10_p_lo: f64,
    pub log10_p_hi: f64,
    /// −∞ for the small-angle bin θ < 10^`log10_theta_hi`.
    pub log10_theta_lo: f64,
    /// Capped at log₁₀ π.
    pub log10_theta_hi: f64,
}

/// One data row of a table: the species, its bin and its weight.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row<T> {
    pub species: T,
    pub bin: Bin,
    pub weight: f64,
}

/// A malformed row; the table modules turn it into their own error type.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RowError {
    /// The column header line is missing or different.
    MissingHeader,
    /// A data line without seven fields.
    FieldCount { line: usize, got: usize },
    /// A species name the table does not know.
    UnknownName { line: usize, name: String },
    /// A field that is not a number, a bin that is empty or inverted, or a
    /// negative or non-finite weight.
    InvalidValue { line: usize, what: &'static str },
}

fn parse_field(s: &str, line: usize, what: &'static str) -> Result<f64, RowError> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| !v.is_nan())
        .ok_or(RowError::InvalidValue { line, what })
}

/// Parses the data rows of a table whose column header is `columns` (seven
/// comma-separated names: species, log10p_lo, log10p_hi, log10theta_lo,
/// log10theta_hi, weight, n_mc). Lines starting with `#` and blank lines are
/// skipped; the column header must come before the first data line.
/// `species` turns the first field into the table's species type (`None`:
/// unknown name); `weight_name` names the sixth column in errors. The last
/// column (the raw Monte Carlo count) is not read. The first error in file
/// order is returned.
pub(crate) fn parse_rows<T>(
    text: &str,
    columns: &str,
    weight_name: &'static str,
    species: impl Fn(&str) -> Option<T>,
) -> Result<Vec<Row<T>>, RowError> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if !seen_header {
            if l != columns {
                return Err(RowError::MissingHeader);
            }
            seen_header = true;
            continue;
        }
        let f: Vec<&str> = l.split(',').collect();
        if f.len() != 7 {
            return Err(RowError::FieldCount { line, got: f.len() });
        }
        let name = f[0].trim();
        let sp = species(name).ok_or_else(|| RowError::UnknownName {
            line,
            name: name.to_string(),
        })?;
        let p_lo = parse_field(f[1], line, "log10p_lo")?;
        let p_hi = parse_field(f[2], line, "log10p_hi")?;
        let t_lo = parse_field(f[3], line, "log10theta_lo")?;
        let t_hi = parse_field(f[4], line, "log10theta_hi")?.min(PI.log10());
        let w = parse_field(f[5], line, weight_name)?;
        if !(p_lo.is_finite() && p_hi.is_finite() && p_lo < p_hi) {
            return Err(RowError::InvalidValue {
                line,
                what: "momentum bin",
            });
        }
        if !(t_hi.is_finite() && t_lo < t_hi && t_lo != f64::INFINITY) {
            return Err(RowError::InvalidValue {
                line,
                what: "angle bin",
            });
        }
        if !(w.is_finite() && w >= 0.0) {
            return Err(RowError::InvalidValue {
                line,
                what: weight_name,
            });
        }
        rows.push(Row {
            species: sp,
            bin: Bin {
                log10_p_lo: p_lo,
                log10_p_hi: p_hi,
                log10_theta_lo: t_lo,
                log10_theta_hi: t_hi,
            },
            weight: w,
        });
    }
    if !seen_header {
        return Err(RowError::MissingHeader);
    }
    Ok(rows)
}

/// The binned momentum–angle spectrum of one species.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct BinnedSpectrum {
    bins: Vec<Bin>,
    /// Running sum of the bin weights; the last entry is the total.
    cumulative: Vec<f64>,
}

impl BinnedSpectrum {
    /// Adds a bin with weight `w` ≥ 0.
    pub fn push(&mut self, bin: Bin, w: f64) {
        let total = self.total() + w;
        self.bins.push(bin);
        self.cumulative.push(total);
    }

    /// Sum of the bin weights (0 when empty).
    pub fn total(&self) -> f64 {
        self.cumulative.last().copied().unwrap_or(0.0)
    }

    /// Number of bins.
    pub fn n_bins(&self) -> usize {
        self.bins.len()
    }

    /// Draws a momentum in GeV and a polar angle in rad: a bin with
    /// probability ∝ its weight (binary search in the cumulative weights),
    /// then log p and log θ uniform within the bin (θ² uniform in the
    /// small-angle bin). Must not be called on an empty spectrum.
    pub fn sample(&self, rng: &mut Rng) -> (f64, f64) {
        let u = rng.uniform() * self.total();
        let i = self
            .cumulative
            .partition_point(|&c| c <= u)
            .min(self.bins.len().saturating_sub(1));
        let b = &self.bins[i];
        let log_p = b.log10_p_lo + (b.log10_p_hi - b.log10_p_lo) * rng.uniform();
        let theta = if b.log10_theta_lo == f64::NEG_INFINITY {
            10f64.powf(b.log10_theta_hi) * rng.uniform().sqrt()
        } else {
            10f64.powf(b.log10_theta_lo + (b.log10_theta_hi - b.log10_theta_lo) * rng.uniform())
        };
        (10f64.powf(log_p), theta)
    }

    /// Bins with their weights.
    fn weighted_bins(&self) -> impl Iterator<Item = (&Bin, f64)> {
        let prev = std::iter::once(0.0).chain(self.cumulative.iter().copied());
        self.bins
            .iter()
            .zip(self.cumulative.iter().zip(prev))
            .map(|(b, (&c, p))| (b, c - p))
    }

    /// Mean momentum in GeV for the sampling rule of [`Self::sample`]:
    /// ⟨p⟩ = Σ wᵢ (10^bᵢ − 10^aᵢ)/((bᵢ − aᵢ) ln 10) / Σ wᵢ.
    pub fn mean_momentum(&self) -> f64 {
        let sum: f64 = self
            .weighted_bins()
            .map(|(b, w)| {
                let (lo, hi) = (b.log10_p_lo, b.log10_p_hi);
                w * (10f64.powf(hi) - 10f64.powf(lo)) / ((hi - lo) * LN_10)
            })
            .sum();
        sum / self.total()
    }

    /// Fraction with momentum above `p_min` GeV and angle below `theta_max`
    /// rad, exact for the within-bin distributions of [`Self::sample`].
    pub fn fraction(&self, p_min: f64, theta_max: f64) -> f64 {
        let lp = p_min.max(f64::MIN_POSITIVE).log10();
        let sum: f64 = self
            .weighted_bins()
            .map(|(b, w)| {
                let fp = ((b.log10_p_hi - lp) / (b.log10_p_hi - b.log10_p_lo)).clamp(0.0, 1.0);
                let ft = if b.log10_theta_lo == f64::NEG_INFINITY {
                    (theta_max / 10f64.powf(b.log10_theta_hi))
                        .clamp(0.0, 1.0)
                        .powi(2)
                } else {
                    let lt = theta_max.max(f64::MIN_POSITIVE).log10();
                    ((lt - b.log10_theta_lo) / (b.log10_theta_hi - b.log10_theta_lo))
                        .clamp(0.0, 1.0)
                };
                w * fp * ft
            })
            .sum();
        sum / self.total()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: &str = "x,log10p_lo,log10p_hi,log10theta_lo,log10theta_hi,w,n_mc";

    #[test]
    fn rows_parse_and_bad_rows_are_rejected() {
        let known = |n: &str| ["a", "b"].iter().position(|&k| k == n);
        let text = format!("# c\n{COLS}\na,0,1,-inf,-5,2,1\nb,1,2,-1,0.6,3,1\n");
        let rows = parse_rows(&text, COLS, "w", known).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].species, rows[0].weight), (0, 2.0));
        assert_eq!(rows[1].species, 1);
        assert_eq!(rows[0].bin.log10_theta_lo, f64::NEG_INFINITY);
        // θ capped at π.
        assert!((rows[1].bin.log10_theta_hi - PI.log10()).abs() < 1e-15);
        assert_eq!(
            parse_rows("a,0,1,-1,0,1,1\n", COLS, "w", known),
            Err(RowError::MissingHeader)
        );
        assert_eq!(
            parse_rows("# only comments\n", COLS, "w", known),
            Err(RowError::MissingHeader)
        );
        assert_eq!(
            parse_rows(&format!("{COLS}\na,0,1\n"), COLS, "w", known),
            Err(RowError::FieldCount { line: 2, got: 3 })
        );
        // The first error in file order: the unknown name on line 2 before
        // the bad number on line 3.
        assert_eq!(
            parse_rows(
                &format!("{COLS}\nc,0,1,-1,0,1,1\na,x,1,-1,0,1,1\n"),
                COLS,
                "w",
                known
            ),
            Err(RowError::UnknownName {
                line: 2,
                name: "c".into()
            })
        );
        for (row, what) in [
            ("a,x,1,-1,0,1,1", "log10p_lo"),
            ("a,1,0,-1,0,1,1", "momentum bin"),
            ("a,0,inf,-1,0,1,1", "momentum bin"),
            ("a,0,1,0,-1,1,1", "angle bin"),
            ("a,0,1,inf,inf,1,1", "angle bin"),
            ("a,0,1,-1,0,-1,1", "w"),
            ("a,0,1,-1,0,nan,1", "w"),
            ("a,0,1,-1,0,inf,1", "w"),
        ] {
            assert_eq!(
                parse_rows(&format!("{COLS}\n{row}\n"), COLS, "w", known),
                Err(RowError::InvalidValue { line: 2, what }),
                "{row}"
            );
        }
    }

    #[test]
    fn moments_of_one_bin() {
        let mut s = BinnedSpectrum::default();
        assert_eq!((s.total(), s.n_bins()), (0.0, 0));
        let bin = Bin {
            log10_p_lo: 0.0,
            log10_p_hi: 1.0,
            log10_theta_lo: -2.0,
            log10_theta_hi: -1.0,
        };
        s.push(bin, 0.5);
        s.push(
            Bin {
                log10_p_lo: 1.0,
                log10_p_hi: 2.0,
                ..bin
            },
            0.0,
        );
        assert_eq!((s.total(), s.n_bins()), (0.5, 2));
        // Log-uniform on [1, 10]: ⟨p⟩ = 9/ln 10.
        assert!((s.mean_momentum() - 9.0 / LN_10).abs() < 1e-12);
        assert!((s.fraction(10f64.sqrt(), 1.0) - 0.5).abs() < 1e-12);
        assert!((s.fraction(0.0, 10f64.powf(-1.5)) - 0.5).abs() < 1e-12);
        let mut rng = Rng::new(1, 0);
        for _ in 0..1000 {
            let (p, t) = s.sample(&mut rng);
            assert!((1.0..=10.0).contains(&p) && (0.01..=0.1).contains(&t));
        }
    }
}
