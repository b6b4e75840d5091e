import Testing
@testable import Spec

@Test func smoke() { #expect(Bool(true)) }
