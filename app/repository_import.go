package app

// MemberImportRepository is what importing a roster file needs from storage.
type MemberImportRepository interface {
	// MembersByContacts returns, each once, the members holding any of the
	// (normalized) phones or emails, in one read, so every row of a file is
	// matched against the same roster.
	MembersByContacts(phones, emails []string) ([]Member, error)
	// ImportMembers backs the database up next to it, then writes ms in one
	// transaction, each with its audit entry: a member with ID 0 is created,
	// any other updated, refused as stale unless its Version is the stored
	// one. Any refusal writes nothing. It returns the stored members in the
	// order of ms and the path of the backup.
	ImportMembers(ms []Member, c Change) ([]Member, string, error)
}

// GroupImportRepository is what importing groups needs beyond reading them.
type GroupImportRepository interface {
	// ImportGroups backs the database up, then creates (ID 0) or updates
	// every group in one transaction; any refusal writes nothing. It
	// returns the stored groups in order and the backup's path.
	ImportGroups(gs []Group, c Change) ([]Group, string, error)
}

// ContributionImportRepository is what importing a contributions file needs
// from storage.
type ContributionImportRepository interface {
	// ContributionImportBasis reads, in one transaction, the members holding
	// any of the (normalized) phones or bearing exactly any of the names,
	// and all their contributions, so every row is checked against the
	// same moment.
	ContributionImportBasis(phones, names []string) (ImportBasis, error)
	// ImportContributions backs the database up next to it, then creates cs
	// in one transaction, each with its audit entry; any refusal writes
	// nothing. It returns the stored contributions in order and the path of
	// the backup.
	ImportContributions(cs []Contribution, c Change) ([]Contribution, string, error)
}

// ImportBasis is what a contributions file is matched against.
type ImportBasis struct {
	Members       []Member
	Contributions []Contribution
}
