/// An attribute as read: its qualified name (`xmlns:x`, `x:a`) and its value.
typealias XMLAttribute = (name: String, value: String)
