package rules

// Holding is a level a member holds now, from an earlier batch or renewal.
type Holding struct {
	MemberID uint64
	Level    Level
}

// heldLevels maps each holder to the level they hold. A member listed
// twice holds the higher level; none and unknown levels are no holding.
func heldLevels(current []Holding) map[uint64]Level {
	held := make(map[uint64]Level, len(current))
	for _, h := range current {
		if h.Level.Rank() > 0 {
			held[h.MemberID] = higher(held[h.MemberID], h.Level)
		}
	}
	return held
}
