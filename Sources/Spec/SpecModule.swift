public enum SpecModule {}
