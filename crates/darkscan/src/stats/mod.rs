//! Counting-experiment statistics: the numbers NA62 and NA64 quote.
//!
//! A search region has an observed count `n` and an expected background
//! `b ± δ`. The background uncertainty enters as a Gaussian prior on the
//! background mean, truncated at zero and renormalised (the Cousins–Highland
//! prescription, R. D. Cousins and V. L. Highland, NIM A 320 (1992) 331):
//!
//! P(n | s) = ∫₀^∞ Pois(n | s + b′) π(b′) db′,  π(b′) = φ((b′−b)/δ) / (δ Φ(b/δ)),
//!
//! and δ = 0 gives the plain Poisson probability. From it:
//! - [`pvalue`]: background-only p-values (`p_excess`, `p_likelihood`), for
//!   one region or several with fully correlated errors, and significances;
//! - [`limits`]: upper limits on the signal mean (classical Neyman, CLs,
//!   Feldman–Cousins with the Conrad et al. smearing);
//! - [`sum`]: adding background estimates, some given only as upper limits.
//!
//! All sums are exact (no asymptotic formulas for the statistics: at the
//! counts of these searches asymptotics are 13–41 % off) and run in log
//! space. Poisson probabilities at counts ≥ 10⁵ near their mean use Temme's
//! uniform expansion of the incomplete gamma function (relative error
//! < 3e-9, [`crate::numeric::asymptotic`]); sets of counts ranked above the
//! observed one are located by bisection (module `interval`), so every input
//! range documented in the README — counts up to 2⁶⁴, backgrounds up to
//! 10³⁰⁸ — is answered in bounded time, or refused with
//! [`StatsError::OutOfRange`] where a method documents a smaller range.

mod interval;
pub mod limits;
pub mod poisson;
pub mod pvalue;
pub mod sum;

pub use limits::{LimitMethod, upper_limit};
pub use poisson::SmearedPoisson;
pub use pvalue::{PValues, pvalues, pvalues_correlated};
pub use sum::{BackgroundTerm, SumResult, sum_backgrounds};

use thiserror::Error;

/// Invalid input to a statistics routine. Each variant names what was wrong,
/// so a caller (the CLI, a script) can report it precisely.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StatsError {
    /// A background mean that is negative or not finite.
    #[error("background must be a finite non-negative number, got {0}")]
    InvalidBackground(f64),
    /// A background uncertainty that is negative or not finite.
    #[error("background error must be a finite non-negative number, got {0}")]
    InvalidBackgroundError(f64),
    /// A signal mean that is negative or not finite.
    #[error("signal must be a finite non-negative number, got {0}")]
    InvalidSignal(f64),
    /// A confidence level outside the open interval (0, 1).
    #[error("confidence level must lie strictly between 0 and 1, got {0}")]
    InvalidConfidenceLevel(f64),
    /// Lists that must have one entry per region have different lengths.
    #[error("{what}: expected {expected} values (one per region), got {got}")]
    LengthMismatch {
        /// Which list is too long or too short.
        what: &'static str,
        /// The number of regions.
        expected: usize,
        /// The number given.
        got: usize,
    },
    /// No regions were given.
    #[error("at least one region is needed")]
    Empty,
    /// A background term that could not be parsed (`a+-b`, `a±b`, `<u` or `a`).
    #[error("malformed background term '{0}': expected VALUE, VALUE+-ERROR or <LIMIT")]
    MalformedTerm(String),
    /// An input beyond the documented range of a method.
    #[error("{what} must be at most {max:e}, got {value:e}")]
    OutOfRange {
        /// Which input, for which method.
        what: &'static str,
        /// The value given.
        value: f64,
        /// The documented maximum.
        max: f64,
    },
    /// A numerical procedure did not converge (should not happen for valid input).
    #[error("numerical failure: {0}")]
    Numerical(&'static str),
}

/// The default confidence level of limits in this field: 90 %.
pub const DEFAULT_CL: f64 = 0.90;

fn check_cl(cl: f64) -> Result<(), StatsError> {
    if cl.is_finite() && cl > 0.0 && cl < 1.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidConfidenceLevel(cl))
    }
}
