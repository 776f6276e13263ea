//! How FIPs are made: cross sections and parent spectra.

pub mod alp_mesons;
pub mod annihilation;
mod binned;
pub mod boson_brem;
pub mod dump_sources;
pub mod electron_brem;
pub mod electron_brem_light;
pub mod heavy_flavour;
pub mod hnl;
pub mod meson_decay;
pub mod muon_brem;
pub mod preshower;
pub mod primakoff;
pub mod proton_brem;
pub mod scalar;
pub mod shower;
pub mod source;
pub mod spectra;
pub mod xsec_request;
