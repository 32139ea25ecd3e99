//go:build race

package main

// raceEnabled: the race detector's shadow memory makes a worker's resident
// memory several hundred MB, so memory caps cannot be tested under -race.
const raceEnabled = true
