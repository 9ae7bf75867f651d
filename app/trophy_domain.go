package app

// TrophyStatuses are the states of a trophy order, in order.
var TrophyStatuses = []string{"to_order", "ordered", "shipped", "received"}

// Trophy is the physical trophy of a member of a published batch: what is
// engraved, where it goes, and how far the order is.
type Trophy struct {
	BatchID   string `json:"batch_id"`
	MemberID  uint64 `json:"member_id"`
	Name      string `json:"name"`
	Level     string `json:"level"`
	Engraving string `json:"engraving"`
	City      string `json:"city"`
	Phone     string `json:"phone"`
	Address   string `json:"address"`
	Status    string `json:"status"`
	Version   int    `json:"version"`
}

// TrophyOrder is what the database keeps of a trophy; the rest comes from
// the batch and the roster.
type TrophyOrder struct {
	Engraving string `json:"engraving"`
	Status    string `json:"status"`
	Version   int    `json:"version"`
}

// TrophyRepository keeps the trophy orders of batches.
type TrophyRepository interface {
	TrophyOrders(batchID string) (map[uint64]TrophyOrder, error)
	// SaveTrophyOrder stores o if o.Version is the stored one (0: none yet).
	SaveTrophyOrder(batchID string, memberID uint64, o TrophyOrder, ch Change) (TrophyOrder, error)
}
