//! Shards: one batch split over many machines (a Kubernetes Indexed Job,
//! a Slurm array, GNU parallel). Shard `K/N` builds the items whose index
//! in the table or folder, counted from 0 in the order lettrine reads them,
//! leaves `K` when divided by `N`: a fixed rule, the same on every machine,
//! and balanced (shards differ by one item at most, and each gets its share
//! of every part of the table). Shards share one output folder: each keeps
//! its own journal, and no two ever write the same file.

/// Shard `index` of `count`, counted from 0 like
/// `$JOB_COMPLETION_INDEX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Reads `K/N`: 0 ≤ K < N.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (index, count) = text
            .split_once('/')
            .ok_or_else(|| format!("{text:?} is not K/N, like 0/4 (shard 0 of 4)"))?;
        let number = |part: &str, what: &str| {
            part.trim()
                .parse::<usize>()
                .map_err(|_| format!("{text:?}: {what} {part:?} is not a whole number"))
        };
        let (index, count) = (number(index, "K")?, number(count, "N")?);
        if count == 0 {
            return Err(format!("{text:?}: a batch is split into 1 shard or more"));
        }
        if index >= count {
            return Err(format!(
                "{text:?}: the shards of {count} are 0 to {}, counted from 0 like $JOB_COMPLETION_INDEX",
                count - 1
            ));
        }
        Ok(Self { index, count })
    }

    /// Whether item `item` (counted from 0) is this shard's.
    pub fn contains(self, item: usize) -> bool {
        item % self.count == self.index
    }

    /// The shard of `count` that item `item` belongs to.
    pub fn of(item: usize, count: usize) -> Self {
        Self {
            index: item % count,
            count,
        }
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_read_and_checked() {
        assert_eq!(Shard::parse("0/4"), Ok(Shard { index: 0, count: 4 }));
        assert_eq!(Shard::parse("3/4"), Ok(Shard { index: 3, count: 4 }));
        assert!(Shard::parse("4/4").unwrap_err().contains("0 to 3"));
        assert!(Shard::parse("1/0").is_err());
        assert!(Shard::parse("a/4").is_err());
        assert!(Shard::parse("-1/4").is_err());
        assert!(Shard::parse("2").is_err());
    }

    #[test]
    fn every_item_is_in_exactly_one_shard_and_shards_are_balanced() {
        for count in 1..7 {
            let mut sizes = vec![0; count];
            for item in 0..100 {
                let owners: Vec<usize> = (0..count)
                    .filter(|&i| Shard { index: i, count }.contains(item))
                    .collect();
                assert_eq!(owners, vec![Shard::of(item, count).index]);
                sizes[owners[0]] += 1;
            }
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(max - min <= 1, "{count}: {sizes:?}");
        }
    }
}
