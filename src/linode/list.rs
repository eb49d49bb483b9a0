//! Linode's side of the one listing ([`List`]): how its answers say where a listing is (the
//! `page`, `pages` and `results` counters), and its `X-Filter` on every listing.

use super::{Filter, Linode};
use crate::List;
use crate::list::{Filtered, Locate, Located, Next, Paged, Position};

impl Locate for Linode {
    /// The answer's own page number (the page asked for when it has none); the next page is the
    /// one after it while it is before `pages`; without `pages`, the next page only when this
    /// one was full.
    fn locate(_what: &str, asked: u64, _page_size: u64, at: Position<'_>, _items: usize) -> Located {
        let page = at.page.unwrap_or(asked);
        let next = match at.pages {
            Some(pages) if page < pages => Next::Page(page.saturating_add(1)),
            Some(_) => Next::End,
            None => Next::IfFull,
        };
        Located { page, pages: at.pages, total: at.total, next }
    }
}

impl<O: Paged<Provider = Linode> + Filtered> List<'_, O> {
    /// A server-side filter and sort order, sent as the `X-Filter` header with every page, on
    /// every Linode listing; each listing says which fields it filters on. A filter that cannot
    /// be written (a [`raw`](Filter::raw) one that is not an object) is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when sent, before any
    /// request.
    ///
    /// ```
    /// use cloud_images::linode::{Client, Filter, Order};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("my-token").build()?;
    /// let mine = Filter::eq("is_public", false).order_by("label", Order::Asc);
    /// let list = client.images().list().filter(mine); // `list.iter()` sends it with every page
    /// let pending = client.sharegroups().tokens().list().filter(Filter::eq("status", "pending"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter(mut self, filter: Filter) -> Self {
        match filter.to_header_value() {
            Ok(value) => {
                self.op_mut().set_filter(Some(value));
                self.refuse("filter", None)
            }
            Err(e) => {
                self.op_mut().set_filter(None);
                self.refuse("filter", Some(e.to_string()))
            }
        }
    }
}
