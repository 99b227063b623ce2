//! The screen shown while the archive loads in the background: the stage and how far it is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Gauge};

use crate::tui::loading::Loading;

/// Draws the progress box in the middle of the screen.
pub fn draw(state: &Loading, frame: &mut Frame) {
    let area = frame.area();
    let w = area.width.min(64);
    let h = area.height.min(3);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    let label = if state.total == 0 {
        format!("{}… {} s", state.stage.label(), state.seconds)
    } else {
        format!("{} {}/{} · {} s", state.stage.label(), state.done, state.total, state.seconds)
    };
    let ratio = if state.total == 0 { 0.0 } else { state.done as f64 / state.total as f64 };
    let gauge = Gauge::default()
        .block(Block::bordered().title(" qari — opening the archive (q to quit) "))
        .ratio(ratio.clamp(0.0, 1.0))
        .label(label);
    frame.render_widget(gauge, r);
}
