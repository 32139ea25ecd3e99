//go:build !race

package main

// raceEnabled: the race detector adds about 200 MB to every process, so
// tests that cap a worker's memory give race builds more room.
const raceEnabled = false
