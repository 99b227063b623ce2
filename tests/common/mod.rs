//! Helpers shared by the integration tests.

pub mod app;
pub mod fribidi;
pub mod qari;
pub mod reader;
pub mod score;
pub mod store;
pub mod tmux;
