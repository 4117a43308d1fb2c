//! Named people or bodies who spoke together ("Smith and Jones wrote"):
//! one entity whose name is made from its members' names as they stand
//! when the article is done, since a fuller name may come later.

use std::ops::Range;

use super::{Entity, EntityId, EntityKind, Registry, surname};

impl Registry {
    /// The group of `members` (at least two, in the order written), created
    /// on first use; `range` is where it is named.
    pub fn group(&mut self, members: Vec<EntityId>, range: Range<usize>) -> EntityId {
        let id = match self.by_members.get(&members) {
            Some(&id) => id,
            None => {
                let mut e = Entity::new(EntityKind::Group, String::new(), range.start);
                e.plural = true;
                e.members = members.clone();
                let id = self.push(e);
                self.by_members.insert(members, id);
                id
            }
        };
        self.entities[id].mentions.push(range);
        id
    }

    /// An entity's name as shown: for a group, its members' names as they
    /// stand now ("Donald Trump and Paul Ryan"), since a fuller name may
    /// come after the group was formed.
    pub fn display_name(&self, id: EntityId) -> String {
        let e = &self.entities[id];
        if e.members.is_empty() {
            return e.name.clone();
        }
        join_names(e.members.iter().map(|&m| self.entities[m].name.as_str()))
    }

    /// The short form of a group: members' surnames ("Trump and Ryan").
    pub fn group_short_name(&self, id: EntityId) -> Option<String> {
        let e = &self.entities[id];
        (!e.members.is_empty()).then(|| {
            join_names(e.members.iter().map(|&m| {
                let x = &self.entities[m];
                if x.kind == EntityKind::Person && x.name_words > 1 {
                    surname(&x.name.split(' ').collect::<Vec<_>>())
                } else {
                    x.name.as_str()
                }
            }))
        })
    }
}

/// "A and B", "A, B and C".
fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::form;
    use super::*;
    use crate::quotes::names::NameKind;

    #[test]
    fn a_group_is_named_by_its_members_as_they_stand_at_the_end() {
        let mut r = Registry::default();
        let a = r.add_name(&form("Ryan", NameKind::Person, 0)).unwrap();
        let b = r.add_name(&form("Lee Moss", NameKind::Person, 10)).unwrap();
        let g = r.group(vec![a, b], 0..20);
        assert_eq!(r.group(vec![a, b], 30..40), g);
        r.add_name(&form("Paul Ryan", NameKind::Person, 50));
        assert_eq!(r.display_name(g), "Paul Ryan and Lee Moss");
        assert_eq!(r.group_short_name(g).as_deref(), Some("Ryan and Moss"));
        assert_eq!(join_names(["A", "B", "C"].into_iter()), "A, B and C");
    }
}
