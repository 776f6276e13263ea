//! TEMPORARY STUB (replaced by the dark photon model being merged).
#![allow(missing_docs)]
pub struct DarkPhoton { pub mass: f64, pub epsilon: f64 }
#[derive(Default)]
pub struct BranchingRatios { pub ee: f64, pub mumu: f64, pub tautau: f64, pub hadrons: f64, pub invisible: f64 }
impl DarkPhoton {
    pub fn new(mass: f64, epsilon: f64) -> Result<Self, super::ModelError> { Ok(Self { mass, epsilon }) }
    pub fn with_dark_sector(self, _a: f64, _m: f64) -> Result<Self, super::ModelError> { Ok(self) }
    pub fn branching_ratios(&self) -> BranchingRatios { BranchingRatios { invisible: 1.0, ..Default::default() } }
    pub fn total_width(&self) -> f64 { 0.0 }
    pub fn ctau_m(&self) -> f64 { 0.0 }
}
