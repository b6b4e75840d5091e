public enum ReconcilerModule {}
