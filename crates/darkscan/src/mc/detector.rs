//! The detector interface of the decay-in-flight Monte Carlo
//! ([`crate::mc::acceptance`]): where a FIP can decay and whether a decay is
//! selected. Experiments implement it (NA62's dump detector:
//! [`crate::experiment::dump_detector`]); the generic sampling and the
//! lifetime re-weighting never see an experiment's geometry.

use crate::kinematics::{FourVector, Vec3};
use crate::model::DecayChannel;
use crate::numeric::rng::Rng;

/// A decay volume with a detector behind it.
pub trait DecayDetector: Sync {
    /// Where the FIPs are produced (the dump), in the detector frame (m).
    fn production_point(&self) -> Vec3;
    /// Decay points K per FIP (the sample's stratification).
    fn decay_points(&self) -> usize;
    /// Path lengths (L₁, L₂) in metres from `origin` along `direction`
    /// between which a FIP is inside the decay volume; `None` when it misses.
    fn flight_interval(&self, origin: Vec3, direction: Vec3) -> Option<(f64, f64)>;
    /// Decays `fip` (nominal mass `mass`) at path length `l_m` from `origin`
    /// through `channel` and applies the selection: `Some(true)` when
    /// selected, `None` when the channel is closed or not one the detector
    /// can reconstruct. `u_cos`, `u_phi` ∈ [0, 1) set a two-body decay's
    /// rest-frame direction, `normals` are three standard normal numbers for
    /// the resolutions, and `rng` supplies any further numbers (three-body
    /// phase space).
    #[allow(clippy::too_many_arguments)]
    fn decay_selected(
        &self,
        fip: FourVector,
        mass: f64,
        channel: &DecayChannel,
        origin: Vec3,
        l_m: f64,
        u_cos: f64,
        u_phi: f64,
        normals: [f64; 3],
        rng: &mut Rng,
    ) -> Option<bool>;
}
