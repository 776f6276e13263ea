//! How FIPs are made: cross sections and parent spectra.

pub mod annihilation;
mod binned;
pub mod electron_brem;
pub mod heavy_flavour;
pub mod meson_decay;
pub mod proton_brem;
pub mod shower;
pub mod spectra;
