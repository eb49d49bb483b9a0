//! The public API of `cloud-images`, compared with the committed list in `tests/public-api.txt`:
//! a change to it (a new item, a removed one, a changed signature, a lost `#[non_exhaustive]`)
//! fails this test until the list is updated on purpose:
//!
//! ```text
//! UPDATE_PUBLIC_API=1 cargo test --test it public_api::
//! ```
//!
//! and the diff of `tests/public-api.txt` reviewed with the change.
//!
//! The list is read from the source with `syn` (nothing to install: stable Rust and `cargo
//! test`). From `src/lib.rs` it follows the modules and the `pub use` re-exports, and writes one
//! line per public item with its full path and signature: modules; structs with their public
//! fields (and a `..` when they have private ones); enums with their variants; traits with
//! their items; functions and methods; constants, statics and type aliases; the trait impls of
//! public types. `#[non_exhaustive]`, `#[must_use]`, `#[derive(..)]` and `#[cfg(..)]` are shown.
//! Skipped: `pub(crate)` and other restricted items, `#[doc(hidden)]`, `#[cfg(test)]`, what no
//! public path reaches (items of private modules that nothing re-exports, sealed traits).
//! Types in signatures are written as the source writes them.
//!
//! The generated code (`include!`d from `OUT_DIR`: `linode::{types, ops}` and
//! `digitalocean::{types, ops}`) is not read here: it is pinned, every line of it, by
//! `tests/snapshots` (`tests/it/snapshot.rs`). Its modules, its re-exports and the hand-written
//! impls on its types are listed.
//!
//! A macro that makes items (other than `include!`) cannot be seen into: the test refuses one,
//! so nothing public hides in a macro's output. The one exception is `setters!`
//! (`src/setters.rs`), whose entries are the setters' signatures: they are read and listed as
//! if written out.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;

const LIST: &str = "tests/public-api.txt";
const CRATE: &str = "cloud_images";

// ------------------------------------------------------------------------------ the source

/// One module of the crate: a file, or an inline `mod x { .. }`.
struct Module {
    /// Where it is, for messages (`src/linode/images/mod.rs`).
    file: PathBuf,
    parent: Option<usize>,
    items: Vec<syn::Item>,
    /// The modules it declares, by name.
    children: Vec<(String, usize)>,
    /// The attributes of its `mod` declaration.
    attrs: Vec<syn::Attribute>,
    /// Holds `include!`d generated code, which is not read.
    generated: bool,
}

/// An item of the crate: a module, or the item at `index` of a module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Def {
    Module(usize),
    Item(usize, usize),
}

/// What a path names.
#[derive(Clone, Debug)]
enum Target {
    Def(Def),
    /// A name in a module of generated code (`linode::types::Image`).
    Generated(usize, String),
    /// Something outside the crate (`std`, `serde`), or nothing this test can see.
    External,
}

struct Crate {
    modules: Vec<Module>,
}

impl Crate {
    fn load() -> Crate {
        let mut krate = Crate { modules: Vec::new() };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
        let file = parse(&root);
        krate.add(root, None, file.items, Vec::new());
        krate.check_item_macros();
        krate
    }

    /// This test cannot see what an item macro makes. One is allowed only when its
    /// `macro_rules!` is in the crate and makes nothing public: no `pub` item, and impls of the
    /// crate's own traits only (`impl Listing for $page`). Anything else is refused: write the
    /// items out.
    fn check_item_macros(&self) {
        for (module, m) in self.modules.iter().enumerate() {
            for item in &m.items {
                let syn::Item::Macro(call) = item else { continue };
                if call.mac.path.is_ident("include") || call.mac.path.is_ident("macro_rules") {
                    continue;
                }
                let name = render(call.mac.path.to_token_stream());
                let refuse = |why: &str| -> ! {
                    panic!("{}: the item macro `{name}!` {why}: write its items out", m.file.display())
                };
                let Some(definition) = self.modules.iter().flat_map(|m| &m.items).find_map(|i| match i {
                    syn::Item::Macro(d)
                        if d.mac.path.is_ident("macro_rules")
                            && d.ident.as_ref().is_some_and(|d| *d == name) =>
                    {
                        Some(d.mac.tokens.clone())
                    }
                    _ => None,
                }) else {
                    refuse("is not defined in the crate, and this test cannot see what it makes")
                };
                let tokens = flatten(definition);
                if tokens.iter().any(|t| matches!(t, TokenTree::Ident(i) if i == "pub")) {
                    refuse("makes public items, which this test cannot see");
                }
                for (at, token) in tokens.iter().enumerate() {
                    if !matches!(token, TokenTree::Ident(i) if i == "impl") {
                        continue;
                    }
                    let path: Vec<String> = tokens[at + 1..]
                        .iter()
                        .take_while(|t| !matches!(t, TokenTree::Ident(i) if i == "for"))
                        .filter_map(|t| match t {
                            TokenTree::Ident(i) => Some(i.to_string()),
                            _ => None,
                        })
                        .collect();
                    let ours = !path.is_empty() && matches!(self.resolve(module, &path, 0), Target::Def(_));
                    if !ours {
                        refuse("implements a trait from outside the crate, which this test cannot see");
                    }
                }
            }
        }
    }

    /// Adds a module and, depth first, the modules it declares; returns its id.
    fn add(
        &mut self,
        file: PathBuf,
        parent: Option<usize>,
        items: Vec<syn::Item>,
        attrs: Vec<syn::Attribute>,
    ) -> usize {
        let id = self.modules.len();
        let generated =
            items.iter().any(|i| matches!(i, syn::Item::Macro(m) if m.mac.path.is_ident("include")));
        self.modules.push(Module {
            file: file.clone(),
            parent,
            items: Vec::new(),
            children: Vec::new(),
            attrs,
            generated,
        });
        let mut kept = Vec::new();
        for item in items {
            if test_only(attrs_of(&item)) {
                continue;
            }
            if let syn::Item::Mod(m) = &item {
                let (child_file, child_items) = match &m.content {
                    Some((_, items)) => (file.clone(), items.clone()),
                    None => {
                        let path = module_file(&file, &m.ident.to_string());
                        let items = parse(&path).items;
                        (path, items)
                    }
                };
                let child = self.add(child_file, Some(id), child_items, m.attrs.clone());
                self.modules[id].children.push((m.ident.to_string(), child));
            }
            kept.push(item);
        }
        self.modules[id].items = kept;
        id
    }

    /// The module `module` declares as `name`.
    fn child(&self, module: usize, name: &str) -> Option<usize> {
        self.modules[module].children.iter().find(|(n, _)| n == name).map(|&(_, child)| child)
    }

    /// What `name` means in `module`: an item or module defined there, an import, a glob
    /// import, or a name of its generated code.
    fn lookup(&self, module: usize, name: &str, depth: usize) -> Option<Target> {
        if depth > 32 {
            panic!("{}: the imports of `{name}` go round in circles", self.modules[module].file.display());
        }
        let m = &self.modules[module];
        for (index, item) in m.items.iter().enumerate() {
            if let syn::Item::Mod(x) = item
                && x.ident == name
            {
                return self.child(module, name).map(|c| Target::Def(Def::Module(c)));
            }
            if item_name(item).as_deref() == Some(name) {
                return Some(Target::Def(Def::Item(module, index)));
            }
        }
        let mut globs = Vec::new();
        for item in &m.items {
            let syn::Item::Use(u) = item else { continue };
            for (alias, path, glob) in use_leaves(&u.tree) {
                if glob {
                    globs.push(path);
                } else if alias == name {
                    return Some(self.resolve(module, &path, depth + 1));
                }
            }
        }
        for path in globs {
            if let Target::Def(Def::Module(target)) = self.resolve(module, &path, depth + 1)
                && let Some(found) = self.lookup(target, name, depth + 1)
            {
                return Some(found);
            }
        }
        m.generated.then(|| Target::Generated(module, name.to_string()))
    }

    /// What `path` names, written in `module`.
    fn resolve(&self, module: usize, path: &[String], depth: usize) -> Target {
        let Some((first, rest)) = path.split_first() else { return Target::External };
        let mut at = match first.as_str() {
            "crate" | CRATE => Target::Def(Def::Module(0)),
            "self" => Target::Def(Def::Module(module)),
            "super" => match self.modules[module].parent {
                Some(parent) => Target::Def(Def::Module(parent)),
                None => return Target::External,
            },
            name => match self.lookup(module, name, depth) {
                Some(target) => target,
                None => return Target::External,
            },
        };
        for segment in rest {
            at = match at {
                Target::Def(Def::Module(m)) if segment == "super" => match self.modules[m].parent {
                    Some(parent) => Target::Def(Def::Module(parent)),
                    None => return Target::External,
                },
                Target::Def(Def::Module(m)) => match self.lookup(m, segment, depth + 1) {
                    Some(target) => target,
                    None => return Target::External,
                },
                _ => return Target::External,
            };
        }
        at
    }

    /// Whether `path`, written in `module`, starts inside the crate (`crate::`, `super::`, a
    /// module or import of `module`).
    fn names_inside(&self, module: usize, path: &[String]) -> bool {
        match path.first().map(String::as_str) {
            Some("crate" | "self" | "super" | CRATE) => true,
            Some(first) => self.lookup(module, first, 0).is_some_and(|t| !matches!(t, Target::External)),
            None => false,
        }
    }

    fn item(&self, def: Def) -> Option<&syn::Item> {
        match def {
            Def::Item(m, i) => self.modules[m].items.get(i),
            Def::Module(_) => None,
        }
    }
}

/// Every token of a stream, groups opened, in order.
fn flatten(tokens: TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    for token in tokens {
        match token {
            TokenTree::Group(g) => out.extend(flatten(g.stream())),
            other => out.push(other),
        }
    }
    out
}

fn parse(path: &Path) -> syn::File {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The file of `mod name;` declared in `file`.
fn module_file(file: &Path, name: &str) -> PathBuf {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let dir = file.parent().unwrap_or(Path::new("."));
    let dir = if stem == "lib" || stem == "mod" { dir.to_path_buf() } else { dir.join(stem) };
    for candidate in [dir.join(format!("{name}.rs")), dir.join(name).join("mod.rs")] {
        if candidate.exists() {
            return candidate;
        }
    }
    panic!("{}: no file for `mod {name};`", file.display());
}

fn attrs_of(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

fn vis_of(item: &syn::Item) -> Option<&syn::Visibility> {
    match item {
        syn::Item::Const(i) => Some(&i.vis),
        syn::Item::Enum(i) => Some(&i.vis),
        syn::Item::Fn(i) => Some(&i.vis),
        syn::Item::Mod(i) => Some(&i.vis),
        syn::Item::Static(i) => Some(&i.vis),
        syn::Item::Struct(i) => Some(&i.vis),
        syn::Item::Trait(i) => Some(&i.vis),
        syn::Item::Type(i) => Some(&i.vis),
        syn::Item::Union(i) => Some(&i.vis),
        syn::Item::Use(i) => Some(&i.vis),
        _ => None,
    }
}

/// The name an item defines (not modules, impls or imports).
fn item_name(item: &syn::Item) -> Option<String> {
    match item {
        syn::Item::Const(i) => Some(i.ident.to_string()),
        syn::Item::Enum(i) => Some(i.ident.to_string()),
        syn::Item::Fn(i) => Some(i.sig.ident.to_string()),
        syn::Item::Static(i) => Some(i.ident.to_string()),
        syn::Item::Struct(i) => Some(i.ident.to_string()),
        syn::Item::Trait(i) => Some(i.ident.to_string()),
        syn::Item::Type(i) => Some(i.ident.to_string()),
        syn::Item::Union(i) => Some(i.ident.to_string()),
        syn::Item::Macro(i) => i.ident.as_ref().map(ToString::to_string),
        _ => None,
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// `#[cfg(test)]`, `#[cfg(doctest)]`, `#[cfg(all(test, ..))]`: not part of the library.
fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("cfg")).any(|a| {
        let cfg = match &a.meta {
            syn::Meta::List(list) => render(list.tokens.clone()),
            _ => return false,
        };
        cfg == "test" || cfg == "doctest" || cfg.starts_with("all(test,") || cfg.starts_with("all(doctest,")
    })
}

fn hidden(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc")
            && matches!(&a.meta, syn::Meta::List(list) if render(list.tokens.clone()) == "hidden")
    })
}

/// The imports of a `use` tree: `(name, path, is_glob)`.
fn use_leaves(tree: &syn::UseTree) -> Vec<(String, Vec<String>, bool)> {
    fn walk(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(String, Vec<String>, bool)>) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let name = n.ident.to_string();
                if name == "self" {
                    out.push((prefix.last().cloned().unwrap_or_default(), prefix.clone(), false));
                } else {
                    let mut path = prefix.clone();
                    path.push(name.clone());
                    out.push((name, path, false));
                }
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                if r.ident != "self" {
                    path.push(r.ident.to_string());
                }
                out.push((r.rename.to_string(), path, false));
            }
            syn::UseTree::Glob(_) => out.push((String::new(), prefix.clone(), true)),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

// ------------------------------------------------------------------------- public paths

/// Every public path of every item, module and generated name.
#[derive(Default)]
struct Paths {
    defs: BTreeMap<Def, BTreeSet<String>>,
    /// `(path, target)` of the re-exports of generated or outside names.
    other: BTreeSet<(String, String)>,
    seen: HashSet<(usize, String)>,
}

impl Paths {
    fn walk(&mut self, krate: &Crate, module: usize, path: &str) {
        if !self.seen.insert((module, path.to_string())) {
            return;
        }
        self.defs.entry(Def::Module(module)).or_default().insert(path.to_string());
        for (index, item) in krate.modules[module].items.iter().enumerate() {
            if hidden(attrs_of(item)) {
                continue;
            }
            if let syn::Item::Macro(m) = item {
                let exported = m.attrs.iter().any(|a| a.path().is_ident("macro_export"));
                if m.mac.path.is_ident("include") || (m.mac.path.is_ident("macro_rules") && !exported) {
                    continue;
                }
                // An exported `macro_rules!` (item macros were refused when the crate was read).
                self.defs
                    .entry(Def::Item(module, index))
                    .or_default()
                    .insert(format!("{CRATE}::{}", item_name(item).unwrap_or_default()));
                continue;
            }
            if !vis_of(item).is_some_and(is_pub) {
                continue;
            }
            match item {
                syn::Item::Mod(m) => {
                    if let Some(child) = krate.child(module, &m.ident.to_string()) {
                        self.walk(krate, child, &format!("{path}::{}", m.ident));
                    }
                }
                syn::Item::Use(u) => {
                    for (alias, target, glob) in use_leaves(&u.tree) {
                        let resolved = krate.resolve(module, &target, 0);
                        let at = format!("{path}::{alias}");
                        match resolved {
                            Target::Def(Def::Module(m)) if glob => self.walk(krate, m, path),
                            Target::Def(Def::Module(m)) => self.walk(krate, m, &at),
                            Target::Def(def) => {
                                self.defs.entry(def).or_default().insert(at);
                            }
                            Target::Generated(m, name) => {
                                self.other.insert((at, format!("generated:{m}:{name}")));
                            }
                            Target::External if krate.names_inside(module, &target) => panic!(
                                "{}: `pub use {}` names nothing this test can find in the crate",
                                krate.modules[module].file.display(),
                                target.join("::")
                            ),
                            Target::External => {
                                self.other.insert((at, target.join("::")));
                            }
                        }
                    }
                }
                _ => {
                    if let Some(name) = item_name(item) {
                        self.defs
                            .entry(Def::Item(module, index))
                            .or_default()
                            .insert(format!("{path}::{name}"));
                    }
                }
            }
        }
    }

    /// The shortest public path (then the first in order).
    fn canonical(&self, def: Def) -> Option<&str> {
        self.defs.get(&def)?.iter().min_by_key(|p| (p.matches("::").count(), p.as_str())).map(String::as_str)
    }

    fn generated(&self, module: usize, name: &str) -> Option<String> {
        self.canonical(Def::Module(module)).map(|m| format!("{m}::{name}"))
    }
}

// ---------------------------------------------------------------------------- the lines

/// The list: `(sort key, line)`.
struct Lines {
    lines: BTreeSet<(String, u8, String, usize, String)>,
}

impl Lines {
    fn add(&mut self, key: &str, rank: u8, group: &str, index: usize, line: String) {
        self.lines.insert((key.to_string(), rank, group.to_string(), index, line));
    }
}

fn public_api() -> String {
    let krate = Crate::load();
    let mut paths = Paths::default();
    paths.walk(&krate, 0, CRATE);
    let mut out = Lines { lines: BTreeSet::new() };

    for (def, all) in &paths.defs {
        let Some(canonical) = paths.canonical(*def) else { continue };
        for alias in all.iter().filter(|p| p.as_str() != canonical) {
            out.add(alias, 0, "", 0, format!("pub use {canonical} as {alias}"));
        }
        match def {
            Def::Module(m) => {
                let module = &krate.modules[*m];
                let note = if module.generated { " // generated: see tests/snapshots" } else { "" };
                out.add(
                    canonical,
                    0,
                    "",
                    0,
                    format!("{}pub mod {canonical}{note}", shown_attrs(&module.attrs)),
                );
            }
            Def::Item(..) => {
                if let Some(item) = krate.item(*def) {
                    item_lines(item, canonical, &mut out);
                }
            }
        }
    }
    for (at, target) in &paths.other {
        let target = match target.strip_prefix("generated:") {
            Some(rest) => {
                let (m, name) = rest.split_once(':').unwrap_or_default();
                paths.generated(m.parse().unwrap_or_default(), name).unwrap_or_else(|| target.clone())
            }
            None => target.clone(),
        };
        out.add(at, 0, "", 0, format!("pub use {target} as {at}"));
    }
    for (module, m) in krate.modules.iter().enumerate() {
        for item in &m.items {
            if let syn::Item::Impl(imp) = item
                && !hidden(&imp.attrs)
            {
                impl_lines(&krate, &paths, module, imp, &mut out);
            }
        }
    }

    let mut text = String::from(
        "# The public API of cloud-images, one line per item, by path: tests/it/public_api.rs writes it.\n\
         # After a change on purpose: UPDATE_PUBLIC_API=1 cargo test --test it public_api::\n\
         # The generated code (linode::{types, ops}, digitalocean::{types, ops}) is pinned by tests/snapshots.\n",
    );
    for (.., line) in &out.lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// The attributes that are part of an item's API, as one prefix (`#[non_exhaustive] `).
fn shown_attrs(attrs: &[syn::Attribute]) -> String {
    let mut out = String::new();
    for a in attrs {
        let name = a.path().get_ident().map(ToString::to_string).unwrap_or_default();
        if ["non_exhaustive", "must_use", "derive", "cfg", "repr", "deprecated"].contains(&name.as_str())
            && !test_only(std::slice::from_ref(a))
        {
            out.push_str(&render(a.to_token_stream()));
            out.push(' ');
        }
    }
    out
}

fn item_lines(item: &syn::Item, path: &str, out: &mut Lines) {
    match item {
        syn::Item::Struct(s) => {
            let generics = generics(&s.generics);
            let head = format!("{}pub struct {path}{generics}", shown_attrs(&s.attrs));
            match &s.fields {
                syn::Fields::Named(fields) => {
                    let private = fields.named.iter().any(|f| !is_pub(&f.vis) || hidden(&f.attrs));
                    out.add(
                        path,
                        0,
                        "",
                        0,
                        format!(
                            "{head}{} {{{}}}",
                            where_clause(&s.generics),
                            if private { " .. " } else { "" }
                        ),
                    );
                    for (i, f) in
                        fields.named.iter().enumerate().filter(|(_, f)| is_pub(&f.vis) && !hidden(&f.attrs))
                    {
                        let name = f.ident.as_ref().map(ToString::to_string).unwrap_or_default();
                        out.add(
                            path,
                            1,
                            "",
                            i,
                            format!(
                                "pub struct {path}{generics} {{ pub {name}: {} }}",
                                render(f.ty.to_token_stream())
                            ),
                        );
                    }
                }
                syn::Fields::Unnamed(fields) => {
                    let shown: Vec<String> = fields
                        .unnamed
                        .iter()
                        .map(|f| {
                            if is_pub(&f.vis) {
                                format!("pub {}", render(f.ty.to_token_stream()))
                            } else {
                                "_".into()
                            }
                        })
                        .collect();
                    out.add(
                        path,
                        0,
                        "",
                        0,
                        format!("{head}({}){}", shown.join(", "), where_clause(&s.generics)),
                    );
                }
                syn::Fields::Unit => out.add(path, 0, "", 0, format!("{head}{}", where_clause(&s.generics))),
            }
        }
        syn::Item::Enum(e) => {
            out.add(
                path,
                0,
                "",
                0,
                format!(
                    "{}pub enum {path}{}{}",
                    shown_attrs(&e.attrs),
                    generics(&e.generics),
                    where_clause(&e.generics)
                ),
            );
            for (i, v) in e.variants.iter().enumerate().filter(|(_, v)| !hidden(&v.attrs)) {
                out.add(
                    path,
                    1,
                    "",
                    i,
                    format!("{}{path}::{}{}", shown_attrs(&v.attrs), v.ident, fields(&v.fields)),
                );
            }
        }
        syn::Item::Trait(t) => {
            let supertraits = if t.supertraits.is_empty() {
                String::new()
            } else {
                format!(": {}", render(t.supertraits.to_token_stream()))
            };
            out.add(
                path,
                0,
                "",
                0,
                format!(
                    "{}pub trait {path}{}{supertraits}{}",
                    shown_attrs(&t.attrs),
                    generics(&t.generics),
                    where_clause(&t.generics)
                ),
            );
            for (i, ti) in t.items.iter().enumerate() {
                let line = match ti {
                    syn::TraitItem::Const(c) if !hidden(&c.attrs) => {
                        let default = if c.default.is_some() { " = .." } else { "" };
                        format!("const {}: {}{default};", c.ident, render(c.ty.to_token_stream()))
                    }
                    syn::TraitItem::Type(ty) if !hidden(&ty.attrs) => {
                        let bounds = if ty.bounds.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", render(ty.bounds.to_token_stream()))
                        };
                        format!("type {}{}{bounds};", ty.ident, generics(&ty.generics))
                    }
                    syn::TraitItem::Fn(f) if !hidden(&f.attrs) => {
                        let body = if f.default.is_some() { " { .. }" } else { ";" };
                        format!("{}{body}", signature(&f.sig))
                    }
                    _ => continue,
                };
                out.add(path, 1, "", i, format!("pub trait {path} {{ {line} }}"));
            }
        }
        syn::Item::Fn(f) => out.add(
            path,
            0,
            "",
            0,
            format!(
                "{}pub {}",
                shown_attrs(&f.attrs),
                signature(&f.sig).replacen(&format!("fn {}", f.sig.ident), &format!("fn {path}"), 1)
            ),
        ),
        syn::Item::Const(c) => out.add(
            path,
            0,
            "",
            0,
            format!("{}pub const {path}: {}", shown_attrs(&c.attrs), render(c.ty.to_token_stream())),
        ),
        syn::Item::Static(s) => out.add(
            path,
            0,
            "",
            0,
            format!("{}pub static {path}: {}", shown_attrs(&s.attrs), render(s.ty.to_token_stream())),
        ),
        syn::Item::Type(t) => out.add(
            path,
            0,
            "",
            0,
            format!(
                "{}pub type {path}{}{} = {}",
                shown_attrs(&t.attrs),
                generics(&t.generics),
                where_clause(&t.generics),
                render(t.ty.to_token_stream())
            ),
        ),
        syn::Item::Macro(_) => out.add(path, 0, "", 0, format!("macro_rules! {path}")),
        other => panic!("{path}: an item this test does not list: {}", render(other.to_token_stream())),
    }
}

/// The lines of one `impl` block, when its type (or, for a trait impl on an outside type, the
/// type it converts from) is public.
fn impl_lines(krate: &Crate, paths: &Paths, module: usize, imp: &syn::ItemImpl, out: &mut Lines) {
    let self_ty = public_type(krate, paths, module, &imp.self_ty);
    let impl_generics = generics(&imp.generics);
    let where_ = where_clause(&imp.generics);
    match &imp.trait_ {
        None => {
            let Some((key, shown)) = self_ty else { return };
            for item in &imp.items {
                let lines = match item {
                    syn::ImplItem::Fn(f) if is_pub(&f.vis) && !hidden(&f.attrs) => {
                        vec![format!("{}pub {}", shown_attrs(&f.attrs), signature(&f.sig))]
                    }
                    syn::ImplItem::Const(c) if is_pub(&c.vis) && !hidden(&c.attrs) => {
                        vec![format!("pub const {}: {}", c.ident, render(c.ty.to_token_stream()))]
                    }
                    syn::ImplItem::Macro(m) => setters(m)
                        .into_iter()
                        .filter(|f| is_pub(&f.vis) && !hidden(&f.attrs))
                        .map(|f| format!("{}pub {}", shown_attrs(&f.attrs), signature(&f.sig)))
                        .collect(),
                    _ => continue,
                };
                for line in lines {
                    let line = format!("impl{impl_generics} {shown}{where_} {{ {line} }}");
                    out.add(&key, 2, &line.clone(), 0, line);
                }
            }
        }
        Some((trait_path, _)) => {
            let trait_segments: Vec<String> =
                trait_path.segments.iter().map(|s| s.ident.to_string()).collect();
            let trait_shown = match krate.resolve(module, &trait_segments, 0) {
                Target::Def(def) => match paths.canonical(def) {
                    Some(path) => with_args(path, trait_path),
                    None => return, // a private or sealed trait
                },
                _ => render(trait_path.to_token_stream()),
            };
            let (key, shown) = match self_ty {
                Some(found) => found,
                None => {
                    // An outside type: listed when the trait names a public type (`From<ImageId>`).
                    let named = trait_path.segments.iter().any(|s| {
                        let syn::PathArguments::AngleBracketed(args) = &s.arguments else { return false };
                        args.args.iter().any(|a| matches!(a, syn::GenericArgument::Type(t) if public_type(krate, paths, module, t).is_some()))
                    });
                    if !named {
                        return;
                    }
                    (trait_shown.clone(), render(imp.self_ty.to_token_stream()))
                }
            };
            let head = format!("impl{impl_generics} {trait_shown} for {shown}{where_}");
            out.add(&key, 3, &head, 0, head.clone());
            for (i, item) in imp.items.iter().enumerate() {
                let line = match item {
                    syn::ImplItem::Type(t) => {
                        format!("type {} = {};", t.ident, render(t.ty.to_token_stream()))
                    }
                    syn::ImplItem::Const(c) => {
                        format!("const {}: {};", c.ident, render(c.ty.to_token_stream()))
                    }
                    _ => continue,
                };
                out.add(&key, 3, &head, i + 1, format!("{head} {{ {line} }}"));
            }
        }
    }
}

/// A setter of a `setters!` invocation (`src/setters.rs`): the macro is given each setter's
/// attributes and signature, then `=> field;`, and writes the body.
struct Setter {
    attrs: Vec<syn::Attribute>,
    vis: syn::Visibility,
    sig: syn::Signature,
}

struct Setters(Vec<Setter>);

impl syn::parse::Parse for Setters {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        let mut setters = Vec::new();
        while !input.is_empty() {
            let attrs = input.call(syn::Attribute::parse_outer)?;
            let vis = input.parse()?;
            let sig = input.parse()?;
            input.parse::<syn::Token![=>]>()?;
            input.parse::<syn::Expr>()?;
            input.parse::<syn::Token![;]>()?;
            setters.push(Setter { attrs, vis, sig });
        }
        Ok(Setters(setters))
    }
}

/// The setters an impl-item macro writes: only `setters!` is read (its entries carry the
/// signatures); any other macro in an `impl` block is refused, so nothing public hides in one.
fn setters(m: &syn::ImplItemMacro) -> Vec<Setter> {
    let name = render(m.mac.path.to_token_stream());
    if name != "crate::setters::setters" && name != "setters" {
        panic!(
            "the macro `{name}!` in an impl block: this test cannot see what it makes; write its items out"
        );
    }
    match syn::parse2::<Setters>(m.mac.tokens.clone()) {
        Ok(Setters(setters)) => setters,
        Err(e) => panic!("`{name}!`: an entry that is not `attributes, signature => field;`: {e}"),
    }
}

/// `(its item's path, the type as shown)` when `ty`, written in `module`, is a public type of
/// the crate (`&ListImages<'_>` as `&cloud_images::linode::ListImages<'_>`).
fn public_type(krate: &Crate, paths: &Paths, module: usize, ty: &syn::Type) -> Option<(String, String)> {
    match ty {
        syn::Type::Reference(r) => {
            let (key, inner) = public_type(krate, paths, module, &r.elem)?;
            let lifetime = r.lifetime.as_ref().map(|l| format!("{l} ")).unwrap_or_default();
            let mutability = if r.mutability.is_some() { "mut " } else { "" };
            Some((key, format!("&{lifetime}{mutability}{inner}")))
        }
        syn::Type::Path(p) if p.qself.is_none() => {
            let segments: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            let path = match krate.resolve(module, &segments, 0) {
                Target::Def(def) => paths.canonical(def)?.to_string(),
                Target::Generated(m, name) => paths.generated(m, &name)?,
                Target::External => return None,
            };
            Some((path.clone(), with_args(&path, &p.path)))
        }
        _ => None,
    }
}

/// `path` with the generic arguments of the last segment of `written`.
fn with_args(path: &str, written: &syn::Path) -> String {
    match written.segments.last() {
        Some(last) if !matches!(last.arguments, syn::PathArguments::None) => {
            format!("{path}{}", render(last.arguments.to_token_stream()))
        }
        _ => path.to_string(),
    }
}

fn generics(g: &syn::Generics) -> String {
    if g.params.is_empty() { String::new() } else { format!("<{}>", render(g.params.to_token_stream())) }
}

fn where_clause(g: &syn::Generics) -> String {
    match &g.where_clause {
        Some(w) if !w.predicates.is_empty() => {
            let predicates: Vec<String> = w.predicates.iter().map(|p| render(p.to_token_stream())).collect();
            format!(" where {}", predicates.join(", "))
        }
        _ => String::new(),
    }
}

/// A variant's fields without their attributes: `(u64)`, `{ method: String }`.
fn fields(fields: &syn::Fields) -> String {
    let shown = |f: &syn::Field| {
        let ty = render(f.ty.to_token_stream());
        match &f.ident {
            Some(name) => format!("{name}: {ty}"),
            None => ty,
        }
    };
    match fields {
        syn::Fields::Named(named) => {
            format!(" {{ {} }}", named.named.iter().map(shown).collect::<Vec<_>>().join(", "))
        }
        syn::Fields::Unnamed(unnamed) => {
            format!("({})", unnamed.unnamed.iter().map(shown).collect::<Vec<_>>().join(", "))
        }
        syn::Fields::Unit => String::new(),
    }
}

/// `fn name<T>(&self, id: impl Into<ImageId>) -> Result<Image>`: patterns reduced to their
/// names (`mut self` is `self`: how an argument is bound is not API).
fn signature(sig: &syn::Signature) -> String {
    let mut head = String::new();
    if sig.constness.is_some() {
        head.push_str("const ");
    }
    if sig.asyncness.is_some() {
        head.push_str("async ");
    }
    if let syn::Safety::Unsafe(_) = sig.safety {
        head.push_str("unsafe ");
    }
    let args: Vec<String> = sig
        .inputs
        .iter()
        .map(|arg| match arg {
            syn::FnArg::Receiver(r) => match &r.kind {
                syn::ReceiverKind::Value => "self".to_string(),
                syn::ReceiverKind::Reference(_, lifetime, mutability) => {
                    let lifetime = lifetime.as_ref().map(|l| format!("{l} ")).unwrap_or_default();
                    format!("&{lifetime}{}self", if mutability.is_some() { "mut " } else { "" })
                }
                syn::ReceiverKind::Typed(_, ty) => format!("self: {}", render(ty.to_token_stream())),
                _ => render(r.to_token_stream()),
            },
            syn::FnArg::Typed(t) => {
                let name = match t.pat.as_ref() {
                    syn::Pat::Ident(p) => p.ident.to_string(),
                    other => render(other.to_token_stream()),
                };
                format!("{name}: {}", render(t.ty.to_token_stream()))
            }
        })
        .collect();
    let output = match &sig.output {
        syn::ReturnType::Default => String::new(),
        syn::ReturnType::Type(_, ty) => format!(" -> {}", render(ty.to_token_stream())),
    };
    format!(
        "{head}fn {}{}({}){output}{}",
        sig.ident,
        generics(&sig.generics),
        args.join(", "),
        where_clause(&sig.generics)
    )
}

/// Tokens as one line of Rust, spaced as rustfmt would: `Option<&'a str>`, `impl Into<String>`,
/// `&mut self`, `-> Result<(), Error>`.
fn render(tokens: TokenStream) -> String {
    let mut out = String::new();
    // What came last: no space after `&`, `<`, `(`, `::`, `#`, `'` (and any joint punctuation).
    let mut glue = true;
    let mut last_ident: Option<String> = None;
    for token in tokens {
        // A lifetime (`'a`) is no identifier: `&'static [u8]` is not `x[..]`.
        let lifetime = out.ends_with('\'');
        let (text, space_before, next_glue, ident) = match &token {
            TokenTree::Ident(i) => (i.to_string(), true, false, (!lifetime).then(|| i.to_string())),
            TokenTree::Literal(l) => (l.to_string(), true, false, None),
            TokenTree::Punct(p) => {
                let c = p.as_char();
                let joint = p.spacing() == Spacing::Joint;
                let before = match c {
                    ',' | ';' | '>' | '?' if !joint => c == '?' && last_ident.is_none(),
                    ',' | ';' | '.' => false,
                    '>' => false,
                    '<' => false,
                    ':' if joint => matches!(
                        last_ident.as_deref(),
                        Some("impl" | "dyn" | "as" | "where" | "for" | "mut" | "const" | "in")
                    ),
                    ':' => false,
                    '!' => last_ident.is_none(),
                    _ => true,
                };
                let after = joint
                    || matches!(c, '&' | '<' | '#' | '\'' | '?' | '$' | '.')
                    || (c == ':' && out.ends_with(':'));
                (c.to_string(), before, after, None)
            }
            TokenTree::Group(g) => {
                let inner = render(g.stream());
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                let before = match g.delimiter() {
                    Delimiter::Parenthesis | Delimiter::Bracket => last_ident
                        .as_deref()
                        .is_none_or(|i| ["impl", "dyn", "as", "in", "where"].contains(&i)),
                    _ => true,
                };
                let text = if inner.is_empty() && g.delimiter() == Delimiter::Brace {
                    "{}".to_string()
                } else {
                    format!("{open}{inner}{close}")
                };
                (text, before, false, None)
            }
        };
        if !out.is_empty() && !glue && space_before {
            out.push(' ');
        }
        out.push_str(&text);
        glue = next_glue;
        last_ident = ident;
    }
    out
}

// ------------------------------------------------------------------------------- the test

#[test]
fn the_public_api_is_the_committed_list() {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join(LIST);
    let now = public_api();
    if std::env::var_os("UPDATE_PUBLIC_API").is_some() {
        fs::write(&list, &now).unwrap_or_else(|e| panic!("{LIST}: {e}"));
        return;
    }
    let committed = fs::read_to_string(&list).unwrap_or_default();
    if committed == now {
        return;
    }
    let (was, is): (Vec<&str>, Vec<&str>) = (committed.lines().collect(), now.lines().collect());
    let (was_set, is_set): (BTreeSet<&str>, BTreeSet<&str>) =
        (was.iter().copied().collect(), is.iter().copied().collect());
    let mut diff = String::new();
    for line in was.iter().filter(|l| !is_set.contains(*l)) {
        diff.push_str(&format!("- {line}\n"));
    }
    for line in is.iter().filter(|l| !was_set.contains(*l)) {
        diff.push_str(&format!("+ {line}\n"));
    }
    if diff.is_empty() {
        diff.push_str("(the same lines, in another order)\n");
    }
    panic!(
        "the public API is not the one in {LIST} (- committed, + now):\n{diff}\n\
         If the change is on purpose: UPDATE_PUBLIC_API=1 cargo test --test it public_api::, and commit {LIST}."
    );
}

/// The printer and the walker on a few items whose line is known.
#[test]
fn lines_show_paths_signatures_and_attributes() {
    let api = public_api();
    for expected in [
        "#[non_exhaustive] #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)] pub enum cloud_images::Method",
        "cloud_images::Method::Get",
        "pub use cloud_images::linode::IsShared as cloud_images::linode::types::IsShared",
        "impl<'a> cloud_images::linode::Images<'a> { pub fn get(&self, id: impl Into<ImageId>) -> Result<Image> }",
        "impl std::str::FromStr for cloud_images::linode::IsShared { type Err = std::convert::Infallible; }",
        "impl<K: IdKind, S: Into<String>> From<S> for cloud_images::ids::TextId<K>",
        "pub type cloud_images::linode::ImageId = TextId<(Linode, role::Image)>",
        "impl cloud_images::digitalocean::UpdateImage<'_> { pub fn send(self) -> Result<types::Image> }",
        "impl From<CreateUpload> for cloud_images::linode::types::ImageUploadCreate",
        "pub trait cloud_images::Provider { const TOKEN_VARS: &'static [&'static str]; }",
        "pub type cloud_images::Result<T, E = Error> = std::result::Result<T, E>",
        "pub mod cloud_images::linode::types // generated: see tests/snapshots",
    ] {
        assert!(api.lines().any(|l| l == expected), "no line {expected:?} in:\n{api}");
    }
    for absent in [
        "ErrorDetails",
        "write_path",
        "error_details",
        "asks_for_retry",
        "options_from_env",
        "fn check(",
        "Options",
    ] {
        let found: Vec<&str> = api.lines().filter(|l| l.contains(absent)).collect();
        assert!(found.is_empty(), "{absent} is public: {found:#?}");
    }
}
