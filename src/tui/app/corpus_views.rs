//! What the background threads build after every quotation is found —
//! the statements, the stories, the wire copies — as it reaches the app;
//! and an app loaded with all of it at once, for tests and snapshots.

use super::*;

impl App {
    /// An app with a corpus already loaded (tests, snapshots).
    pub fn with_articles(articles: Vec<Article>, width: u16, height: u16) -> Self {
        let mut app = App::new(Theme::dark(), KeyMap::default(), width, height);
        let (quotes, index) = crate::library::quote_and_index(&articles);
        app.update(Msg::Load(LoadEvent::Started {
            total_files: articles.len(),
            problems: Vec::new(),
            skipped_files: 0,
        }));
        app.update(Msg::Load(LoadEvent::Batch {
            articles,
            problems: Vec::new(),
        }));
        app.update(Msg::Load(LoadEvent::Finished));
        let refs: Vec<&ArticleQuotes> = quotes.iter().map(Arc::as_ref).collect();
        let statements = crate::statements::build(&app.articles, &refs, &index, &|| false);
        let stories = statements
            .as_ref()
            .and_then(|s| crate::stories::build(&app.articles, s, &index, &|| false));
        app.update(Msg::quotes_from(0, quotes));
        app.update(Msg::Speakers(Box::new(index)));
        if let Some(s) = statements {
            app.update(Msg::Statements(Arc::new(s)));
        }
        if let Some(stories) = stories {
            app.update(Msg::Stories(Box::new(stories)));
        }
        let copies = crate::copies::find_copies(&app.articles);
        app.update(Msg::Copies(Box::new(copies)));
        app
    }

    /// The statements are in: the statements view lists them anew.
    pub(crate) fn statements_found(&mut self, s: Arc<crate::statements::Statements>) {
        self.statements = Some(s);
        // Built again after a file changed: list and rows from the new.
        if let Some(v) = self.screen.statements_mut() {
            v.indexed = false;
            v.renderings = None;
            v.last = None;
        }
        self.sync();
    }

    /// The stories are in: a list grouped by story groups by them.
    pub(crate) fn stories_found(&mut self, s: crate::stories::Stories) {
        self.stories = Some(Arc::new(s));
        if self.story_list.on {
            self.rearrange();
        }
        self.sync();
    }
}
