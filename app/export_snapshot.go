package app

// Snapshot is the chapter's data as one transaction saw it, for exports.
type Snapshot struct {
	Members       []Member
	Contributions []Contribution
	// Batches are the published batches.
	Batches      []Batch
	Certificates []Certificate
	// TrophyOrders are the saved trophy orders by batch and member.
	TrophyOrders map[string]map[uint64]TrophyOrder
}
