//go:build !race

package rules

// raceEnabled: the race detector slows the hostile-size tests ten-fold.
const raceEnabled = false
