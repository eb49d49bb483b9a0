//! DigitalOcean's side of the one listing ([`List`]): each page sent as the caller's own
//! request with only `page` changed (so the filters are kept and the token stays on the
//! configured host), how its answers say where a listing is (`links.pages.next` and `last`,
//! `meta.total`, and the page size asked for), and `per_page`, its word for the page size.

use super::{Client, DigitalOcean};
use crate::error::ErrorKind;
use crate::list::{Locate, Located, Next, Paged, Position};
use crate::{Error, List, encode};

/// The listing of `op`, each page sent by `client`.
pub(crate) fn list<O: Paged>(client: &Client, op: O) -> List<'_, O> {
    let client = client.clone();
    List::new(op, move |op: &O, page| client.inner.list(op, Some(page)))
}

impl Locate for DigitalOcean {
    /// The page asked for (the answer does not number it); the next page is the one
    /// `links.pages.next` points to (an error after this page when it names none: the listing
    /// cannot be followed), none without that link; the page count as [`pages`] says.
    fn locate(what: &str, asked: u64, page_size: u64, at: Position<'_>, items: usize) -> Located {
        let next = match at.next {
            None => Next::End,
            Some(url) => match link_page(url) {
                Some(n) => Next::Page(n),
                None => Next::Broken(Error::new(
                    ErrorKind::Decode,
                    format!("{what}: no page number in the next link of page {asked}: {url:?}"),
                )),
            },
        };
        let pages = pages(asked, page_size, at.last, at.next.is_some(), at.total, items == 0);
        Located { page: asked, pages, total: at.total, next }
    }
}

impl<O: Paged<Provider = DigitalOcean>> List<'_, O> {
    /// DigitalOcean's word for [`page_size`](List::page_size) (the `per_page` parameter): the
    /// same setting, 1 to 200, by default 200; whichever is called last wins.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let big_pages = client.images().list().per_page(200); // the same as `.page_size(200)`
    /// let zero = client.images().actions(7555620).list().per_page(0).send();
    /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn per_page(self, per_page: u64) -> Self {
        self.page_size(per_page)
    }
}

/// The page number a `links.pages` URL points to.
fn link_page(url: &str) -> Option<u64> {
    encode::query_value(url, "page").and_then(|v| v.trim().parse::<u64>().ok())
}

/// How many pages a listing has, from one answer to page `page` asked with `per_page` items a
/// page (the one asked for: the listing always sends one), its `last` link, whether it has a
/// `next` link, its `meta.total`, and whether it holds no item:
///
/// 1. `meta.total` divided by `per_page`, rounded up, at least 1 (an empty listing is one empty
///    page). The spec requires `meta.total` on every answer, past the end too (33 images at 10
///    a page: 4 pages on pages 1 to 4 and on page 9), and the API honours every `per_page` the
///    client lets through (1 to 200), so this is the count the server pages by;
/// 2. else the page number of the `last` link. DigitalOcean sends none on the last page (only
///    `first` and `prev`), nor past it. When the link and `meta.total` disagree (a server that
///    contradicts itself), `meta.total` wins: it is on every page, so the count stays the same
///    from page to page, where the link would give one count on the pages that have it and
///    another on the last; and the iterator keeps its guarantee of never going beyond the pages
///    `meta.total` allows;
/// 3. else, with neither, this page when it has items and no `next` link (the last page), or
///    page 1 without a `next` link (a listing of one page, maybe empty);
/// 4. else `None`: a `next` link without a `last` one or a total, or an empty page after
///    page 1, says nothing about the count.
///
/// A page with items is never past the end: the count is at least its number, whatever 1 or 2
/// said.
fn pages(
    page: u64,
    per_page: u64,
    last: Option<&str>,
    has_next: bool,
    total: Option<u64>,
    empty: bool,
) -> Option<u64> {
    let by_total = total.map(|total| total.div_ceil(per_page.max(1)).max(1));
    let counted = by_total.or_else(|| last.and_then(link_page));
    match counted {
        Some(pages) if empty => Some(pages),
        Some(pages) => Some(pages.max(page)),
        None => (!has_next && (!empty || page == 1)).then_some(page),
    }
}

#[cfg(test)]
mod tests {
    /// `links.pages` as DigitalOcean sends them: whether there is a `next` link, and the `last`
    /// link, pointing to page `last`.
    struct Links {
        next: bool,
        last: Option<String>,
    }

    fn links(next: Option<u64>, last: Option<u64>) -> Links {
        let url = |n: u64| format!("https://api.digitalocean.com/v2/images?page={n}&per_page=10");
        Links { next: next.is_some(), last: last.map(url) }
    }

    /// [`super::pages`], with the links as one argument (`None`: no `links` at all).
    fn pages(
        page: u64,
        per_page: u64,
        links: Option<&Links>,
        total: Option<u64>,
        empty: bool,
    ) -> Option<u64> {
        let last = links.and_then(|l| l.last.as_deref());
        super::pages(page, per_page, last, links.is_some_and(|l| l.next), total, empty)
    }

    #[test]
    fn pages_come_from_meta_total_and_the_page_size_asked_for() {
        // 33 images at 10 a page, as DigitalOcean answers: page 1, a middle page, the last page
        // (no `last` link), a page past the end (no items, no links forward).
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(4))), Some(33), false), Some(4));
        assert_eq!(pages(2, 10, Some(&links(Some(3), Some(4))), Some(33), false), Some(4));
        assert_eq!(pages(4, 10, Some(&links(None, None)), Some(33), false), Some(4));
        assert_eq!(pages(9, 10, Some(&links(None, None)), Some(33), true), Some(4));
        // The API's default page size, and an empty listing: one empty page.
        assert_eq!(pages(1, 20, None, Some(41), false), Some(3));
        assert_eq!(pages(1, 10, None, Some(0), true), Some(1));
    }

    #[test]
    fn meta_total_wins_over_a_last_link_that_disagrees_and_the_link_serves_without_it() {
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(7))), Some(33), false), Some(4));
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(7))), None, false), Some(7));
        // A page with items is never past the end, whatever the counters say.
        assert_eq!(pages(5, 10, Some(&links(None, None)), Some(33), false), Some(5));
    }

    #[test]
    fn without_counters_only_what_the_answer_shows() {
        // No next link and items: this is the last page; page 1 without one is the only page.
        assert_eq!(pages(3, 10, Some(&links(None, None)), None, false), Some(3));
        assert_eq!(pages(1, 10, None, None, false), Some(1));
        assert_eq!(pages(1, 10, None, None, true), Some(1));
        // A next link without `last`, or an empty page after page 1: unknown.
        assert_eq!(pages(1, 10, Some(&links(Some(2), None)), None, false), None);
        assert_eq!(pages(6, 10, None, None, true), None);
    }
}
