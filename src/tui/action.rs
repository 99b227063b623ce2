//! Everything a user (or, later, a background job) can ask the reader to do, and the side
//! effects that `update` asks the event loop to perform. Actions are plain data so keymaps,
//! tests and jobs all speak the same language.

/// One request to change the reader's state. Produced by the keymap, by mouse events and by
/// the event loop (resize); consumed only by [`crate::tui::update::update`]. Each has a
/// stable snake_case [`name`](Action::name), as the help overlay and the config file write it.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Move the cursor (list, side panel) or scroll (reader) by one line down.
    Down,
    /// One line up.
    Up,
    /// One page down (the focused pane's height).
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the first row / the top of the text.
    Top,
    /// To the last row / the end of the text.
    Bottom,
    /// Focus the next pane (list → reader → side).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open the selected document (list) or the selected entry (other panes).
    Open,
    /// Close the top overlay, or quit when none is open.
    Back,
    /// Quit the reader at once.
    Quit,
    /// Show or hide the key help overlay.
    ToggleHelp,
    /// Show the files that could not be read.
    ShowProblems,
    /// Arabic shaping on/off in the reading pane.
    ToggleShaping,
    /// Fold/unfold the document's trailing page furniture.
    ToggleBoilerplate,
    /// Sort the list by the next field (date → title → language → source).
    CycleSort,
    /// Reverse the list's sort order.
    ReverseSort,
    /// Filter the list by the next language present in the archive (then none).
    CycleLangFilter,
    /// Go back to the previous place in the jump history.
    JumpBack,
    /// Go forward again in the jump history.
    JumpForward,
    /// Suspend to the shell (Ctrl-Z); the loop restores the terminal around it.
    Suspend,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Nothing happened for a moment: lay out more of the open document in the background of
    /// the user's reading, so a later jump to its end is instant.
    Idle,
    /// Mouse wheel at screen cell (column, row): positive = down, in lines.
    Scroll {
        /// Screen column of the pointer.
        column: u16,
        /// Screen row of the pointer.
        row: u16,
        /// Lines to scroll; negative is up.
        lines: i32,
    },
    /// Search, find, entity, timeline, filter and history-related navigation.
    Nav(super::nav::NavAction),
    /// Mouse click at screen cell (column, row): focus that pane and select the row.
    Click {
        /// Screen column.
        column: u16,
        /// Screen row.
        row: u16,
    },
    /// Check the archive's files again and re-read what changed (in the background).
    Refresh,
    /// What a background job is doing, for the status bar (`None`: done).
    Activity(Option<String>),
    /// The background refresh finished with a new store: its documents keep their ids
    /// (`same_ids`) unless the cache was rebuilt meanwhile.
    Refreshed {
        /// The refreshed archive.
        store: SharedStore,
        /// What changed, in words ("3 new, 1 changed").
        summary: String,
        /// Whether document ids are those of the store it replaces.
        same_ids: bool,
    },
    /// The background refresh failed: why.
    RefreshFailed(String),
    /// Entity corrections: the menu, its prompts, the reading-pane selection, and the event
    /// loop's report that one was saved or removed.
    Correct(super::correct::CorrectAction),
    /// Open the next document of the list (in list order), the list cursor following.
    NextDoc,
    /// Open the previous document of the list.
    PrevDoc,
    /// Narrow the document list by one step (the reader gets the room).
    ListNarrower,
    /// Widen the document list by one step.
    ListWider,
    /// Copy, open or export (`y`, `Y`, `O`, `w`).
    Take(super::takeout::Take),
    /// Mark the document unread again (`U`).
    MarkUnread,
    /// Open the next unread document in list order.
    NextUnread,
    /// Page down; at the end of an article, on to the next unread one (`Space`).
    SpaceDown,
}

impl Action {
    /// The action's name in the help overlay and in `[keys.<mode>]` of the config file
    /// (`page_down`, `search_open`, `narrow_3`): its variant's name in snake_case, a
    /// navigation action's own name rather than `nav`.
    pub fn name(&self) -> String {
        match self {
            Action::Nav(n) => n.name(),
            Action::Correct(c) => c.name(),
            Action::Take(t) => <&'static str>::from(t).to_string(),
            a => <&'static str>::from(a).to_string(),
        }
    }
}

/// A store handed over by a job; equal only to itself (actions compare in tests).
#[derive(Debug, Clone)]
pub struct SharedStore(pub std::sync::Arc<crate::store::Store>);

impl PartialEq for SharedStore {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedStore {}

/// Work `update` cannot do itself because it touches the terminal or the process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the event loop and restore the terminal.
    Quit,
    /// Restore the terminal, stop the process (SIGTSTP), re-enter on resume and redraw.
    Suspend,
    /// Run an archive search off the UI thread; its results come back as
    /// `Action::Nav(NavAction::SearchDone(..))` tagged with `generation`.
    Search {
        /// Generation of the query (newest wins).
        generation: u64,
        /// The query text.
        query: String,
    },
    /// Check the files and refresh the archive off the UI thread (unless one runs already);
    /// the result comes back as `Action::Refreshed` or `Action::RefreshFailed`.
    Refresh,
    /// Save a query the user ran to the search history on disk.
    RememberSearch(String),
    /// Save an entity correction in the state database; the loop answers with
    /// `Action::Correct(CorrectAction::Saved { .. })`, which applies it.
    SaveCorrection(crate::store::Correction),
    /// Delete the correction with this row id; answered with `CorrectAction::Removed`.
    RemoveCorrection(i64),
    /// Set the terminal's clipboard to this text through qari's own OSC 52 sequence.
    Copy(String),
    /// Open this http(s) URL in `$BROWSER` or `xdg-open`, detached.
    OpenUrl(String),
    /// Write an export file the user named (never over an existing file).
    Export {
        /// The file name as typed.
        path: String,
        /// The file's contents.
        bytes: Vec<u8>,
        /// How many rows it holds (for the status bar).
        rows: usize,
    },
    /// Write a change of the user's state (read mark, position, bookmark) to the state
    /// database.
    Save(super::user::Save),
}
